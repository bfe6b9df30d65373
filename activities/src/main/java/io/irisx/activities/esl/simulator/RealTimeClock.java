package io.irisx.activities.esl.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The simulator's default clock: the wall clock and two daemon timer threads. */
final class RealTimeClock implements SimulatorClock {
  private final ScheduledExecutorService timers =
      Executors.newScheduledThreadPool(
          2, Thread.ofPlatform().daemon().name("esl-sim-timer-", 0).factory());

  @Override
  public long nowMicros() {
    return EventClock.nowMicros();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public Timer every(Duration period, Runnable task) {
    long millis = period.toMillis();
    ScheduledFuture<?> future =
        timers.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void execute(Runnable task) {
    timers.execute(task);
  }

  @Override
  public void shutdown() {
    timers.shutdownNow();
  }
}
