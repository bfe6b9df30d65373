package io.irisx.testkit;

import io.irisx.activities.esl.simulator.SimulatorClock;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's clock on the test server's virtual time: timers are the environment's delayed
 * callbacks, which time skipping jumps to, and each callback holds time (the test server does so
 * while a callback runs) until the events it made have reached their workflows.
 */
final class VirtualTime {
  private static final Logger log = LoggerFactory.getLogger(VirtualTime.class);

  private final TestWorkflowEnvironment env;
  private final Settling settling;

  VirtualTime(TestWorkflowEnvironment env, Settling settling) {
    this.env = env;
    this.settling = settling;
  }

  long nowMillis() {
    return env.currentTimeMillis();
  }

  /** A fresh clock, as the simulator takes one per switch life. */
  SimulatorClock newClock() {
    return new Clock();
  }

  private final class Clock implements SimulatorClock {
    private volatile boolean shutDown;

    @Override
    public long nowMicros() {
      return env.currentTimeMillis() * 1_000L;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
      if (shutDown) {
        throw new RejectedExecutionException("the simulated switch is gone");
      }
      AtomicBoolean cancelled = new AtomicBoolean();
      env.registerDelayedCallback(delay, () -> {
        if (cancelled.get() || shutDown) {
          return;
        }
        try {
          task.run();
        } catch (RuntimeException e) {
          log.warn("a simulator timer failed", e);
        }
        settling.await();
      });
      return () -> cancelled.set(true);
    }

    @Override
    public Timer every(Duration period, Runnable task) {
      AtomicBoolean cancelled = new AtomicBoolean();
      Runnable tick = new Runnable() {
        @Override
        public void run() {
          if (cancelled.get()) {
            return;
          }
          task.run();
          try {
            schedule(period, this);
          } catch (RejectedExecutionException gone) {
            // the switch closed: no more ticks
          }
        }
      };
      schedule(period, tick);
      return () -> cancelled.set(true);
    }

    @Override
    public void execute(Runnable task) {
      schedule(Duration.ZERO, task);
    }

    @Override
    public void shutdown() {
      shutDown = true;
    }
  }
}
