package io.irisx.activities.esl.simulator;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Where the simulated switch gets its time from: the clock stamped on events and CDR variables, and
 * the timers that drive the far ends (answer after N ms, playback lengths, scripted digits and
 * hangups) and the HEARTBEAT. The default is real time; a test harness can drive the switch from
 * virtual time instead (the call-flow test kit runs it on Temporal's time-skipping test clock).
 *
 * <p>A switch takes one clock for its lifetime and shuts it down when it closes or restarts (a
 * restart makes a new switch with a new clock, from the same {@link Supplier}).
 */
public interface SimulatorClock {

  /** Now, in epoch microseconds (FreeSWITCH's Event-Date-Timestamp unit). */
  long nowMicros();

  /**
   * Runs {@code task} once after {@code delay}.
   *
   * @throws RejectedExecutionException once the clock is shut down
   */
  Timer schedule(Duration delay, Runnable task);

  /** Runs {@code task} every {@code period}, the first time one period from now. */
  Timer every(Duration period, Runnable task);

  /**
   * Runs {@code task} as soon as possible, on another thread than the caller's.
   *
   * @throws RejectedExecutionException once the clock is shut down
   */
  void execute(Runnable task);

  /** No scheduled task runs any more, and nothing new may be scheduled. */
  void shutdown();

  /** A scheduled task that can still be called off. */
  @FunctionalInterface
  interface Timer {
    /** Stops the task from running if it has not started; a no-op afterwards. */
    void cancel();
  }

  /** Real time: a small pool of timer threads, as the simulator always had. */
  static Supplier<SimulatorClock> realTime() {
    return RealTimeClock::new;
  }
}
