package io.irisx.worker.bench;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Runs the shape's activities one after another, its local activities spread among them; each of
 * the first {@code signals} has its activity signal the workflow back, and the workflow waits for
 * that signal under a timer, as a call waits for a channel event under its watchdog.
 */
public final class BaselineWorkflowImpl implements BaselineWorkflow {
  private static final Duration WATCHDOG = Duration.ofSeconds(15);

  private final NoopActivities noop =
      Workflow.newActivityStub(
          NoopActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  private final NoopActivities localNoop =
      Workflow.newLocalActivityStub(
          NoopActivities.class,
          LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  private int events;

  @Override
  public void run(BaselineShape shape) {
    for (int i = 0; i < shape.activities(); i++) {
      boolean signalBack = i < shape.signals();
      noop.step(signalBack);
      for (int local = 0; local < shape.localActivitiesAfter(i); local++) {
        localNoop.step(false);
      }
      if (signalBack) {
        int wanted = i + 1;
        Workflow.await(WATCHDOG, () -> events >= wanted);
      }
    }
  }

  @Override
  public void event() {
    events++;
  }
}
