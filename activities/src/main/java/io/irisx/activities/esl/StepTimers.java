package io.irisx.activities.esl;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock a waiting step's timeouts run on: the wall clock on a node, the test server's virtual
 * time in the flow test kit (where the simulated switch's prompts run on that time too).
 */
public interface StepTimers {

  /** Runs {@code task} after {@code delay}; the returned handle cancels it. */
  Runnable schedule(Duration delay, Runnable task);

  /**
   * The step's next event or timer, null when none came within {@code limit}. On a virtual clock
   * the wait moves time on (a test server holds time while an activity runs), so the switch's
   * prompts end and the step's timers fire.
   */
  default SwitchEvent next(StepWaiter waiter, Duration limit) {
    return waiter.next(limit);
  }

  /** Timers on the wall clock, one daemon thread for the node. */
  static StepTimers wallClock() {
    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("irisx-step-timers").factory());
    return (delay, task) -> {
      ScheduledFuture<?> scheduled =
          timers.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
      return () -> scheduled.cancel(false);
    };
  }
}
