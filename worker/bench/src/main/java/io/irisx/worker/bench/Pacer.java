package io.irisx.worker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Starts {@code count} tasks at a steady {@code perSecond} (open loop: a slow answer does not slow
 * the schedule), never more than {@code concurrency} at once; 0 per second means back to back.
 */
final class Pacer {
  private Pacer() {}

  static <T> List<T> run(int count, int perSecond, int concurrency, IntFunction<T> task) {
    Semaphore inFlight = new Semaphore(concurrency);
    List<CompletableFuture<T>> futures = new ArrayList<>(count);
    long start = System.nanoTime();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        if (perSecond > 0) {
          long due = start + (long) (i * (1e9 / perSecond));
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        inFlight.acquireUninterruptibly();
        int index = i;
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return task.apply(index);
                  } finally {
                    inFlight.release();
                  }
                },
                executor));
      }
      executor.shutdown();
      try {
        executor.awaitTermination(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }
}
