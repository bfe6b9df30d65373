package io.irisx.testkit;

import io.irisx.activities.esl.simulator.SimulatorClock;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

  private static final ScheduledExecutorService LIVENESS =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("irisx-testkit-heartbeat").factory());

  private final TestWorkflowEnvironment env;
  private final Settling settling;

  VirtualTime(TestWorkflowEnvironment env, Settling settling) {
    this.env = env;
    this.settling = settling;
  }

  long nowMillis() {
    return env.currentTimeMillis();
  }

  /**
   * Virtual time as a {@link java.time.Clock}, for activities that stamp what they do (a
   * recording's start).
   */
  java.time.Clock clock() {
    return new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return java.time.Clock.fixed(instant(), zone);
      }

      @Override
      public java.time.Instant instant() {
        return java.time.Instant.ofEpochMilli(env.currentTimeMillis());
      }
    };
  }

  /**
   * Timers for the steps waiting on the node, on virtual time. A waiting step moves time on in
   * small slices while nothing arrives (the test server holds time while an activity runs, and a
   * step's activity runs as long as its prompt or its timeouts); a slice ends early at the next
   * timer, so the switch's prompts and the step's timeouts fire at their exact virtual times.
   */
  io.irisx.activities.esl.StepTimers stepTimers() {
    SimulatorClock clock = newClock();
    return new io.irisx.activities.esl.StepTimers() {
      @Override
      public Runnable schedule(Duration delay, Runnable task) {
        return clock.schedule(delay, task)::cancel;
      }

      // A false positive: activities is not yet checked by NullAway and StepTimers does not say
      // yet that next answers null when nothing arrived within the limit (as StepWaiter.next).
      @SuppressWarnings("NullAway")
      @Override
      public io.irisx.activities.esl.SwitchEvent next(
          io.irisx.activities.esl.StepWaiter waiter, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
          // What the switch is sending now arrives in wall time, before time moves on.
          io.irisx.activities.esl.SwitchEvent event = waiter.next(IN_FLIGHT);
          if (event != null) {
            return event;
          }
          if (!settling.settled()) {
            continue; // the switch is still answering or sending: time waits for it
          }
          event = waiter.next(Duration.ZERO);
          if (event != null) {
            return event;
          }
          env.sleep(STEP_SLICE);
        }
        return null;
      }
    };
  }

  private static final Duration IN_FLIGHT = Duration.ofMillis(5);
  private static final Duration STEP_SLICE = Duration.ofMillis(50);

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
      env.registerDelayedCallback(
          delay,
          () -> {
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

    /**
     * Periodic ticks (the HEARTBEAT) stay on real time: the ESL link's watchdog they feed measures
     * real time, and a periodic virtual timer would give time skipping an endless chain of stops.
     */
    @Override
    public Timer every(Duration period, Runnable task) {
      ScheduledFuture<?> ticks =
          LIVENESS.scheduleAtFixedRate(
              () -> {
                if (!shutDown) {
                  task.run();
                }
              },
              period.toMillis(),
              period.toMillis(),
              TimeUnit.MILLISECONDS);
      return () -> ticks.cancel(false);
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
