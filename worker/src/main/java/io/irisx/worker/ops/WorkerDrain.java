package io.irisx.worker.ops;

import io.irisx.temporal.ops.Readiness;
import io.irisx.temporal.ops.ShutdownSettings;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's graceful stop, run when the server starts stopping (SIGTERM), before any connector
 * or managed object closes: readiness turns false, the drain delay lets probes notice, the Temporal
 * workers stop polling and running activities get {@code graceSeconds} to finish. Whatever still
 * runs then is interrupted; Temporal retries it on another worker after its timeout, and the call's
 * workflow goes on there. Only after this do the ESL link, Temporal connection, Redis and the
 * database pool close.
 */
public final class WorkerDrain implements LifeCycle.Listener {
  private static final Logger log = LoggerFactory.getLogger(WorkerDrain.class);

  private final Readiness readiness;
  private final WorkerFactory workers;
  private final ShutdownSettings settings;
  private final AtomicBoolean stopped = new AtomicBoolean();

  public WorkerDrain(Readiness readiness, WorkerFactory workers, ShutdownSettings settings) {
    this.readiness = readiness;
    this.workers = workers;
    this.settings = settings;
  }

  @Override
  public void lifeCycleStopping(LifeCycle event) {
    stopWorkers();
  }

  /** Idempotent: the first caller drains, later ones return at once. */
  public void stopWorkers() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    readiness.drain();
    long started = System.nanoTime();
    if (!settings.drainDelay().isZero()) {
      log.info(
          "worker draining: not ready; waiting {} s before it stops polling",
          settings.drainDelaySeconds());
      pause(settings.drainDelay().toMillis());
    }
    if (!workers.isStarted() || workers.isTerminated()) {
      return;
    }
    workers.shutdown();
    workers.awaitTermination(settings.graceSeconds(), TimeUnit.SECONDS);
    if (workers.isTerminated()) {
      log.info(
          "worker stopped polling; running tasks finished in {} ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } else {
      log.warn(
          "worker stopped polling; tasks still running after {} s are interrupted and will be retried elsewhere",
          settings.graceSeconds());
      workers.shutdownNow();
      workers.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
