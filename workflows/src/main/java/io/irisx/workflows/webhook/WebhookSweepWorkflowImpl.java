package io.irisx.workflows.webhook;

import io.temporal.workflow.Workflow;

public final class WebhookSweepWorkflowImpl implements WebhookSweepWorkflow {
  /** Per activity; a full batch is followed by another, up to {@link #BATCHES}. */
  static final int BATCH = 500;

  static final int BATCHES = 20;

  private final WebhookSweepActivities activities =
      Workflow.newActivityStub(WebhookSweepActivities.class);

  @Override
  public int sweep() {
    int restarted = 0;
    for (int i = 0; i < BATCHES; i++) {
      int found = activities.restartOrphans(BATCH);
      restarted += found;
      if (found < BATCH) {
        break;
      }
    }
    Workflow.setCurrentDetails(restarted + " orphaned deliveries restarted");
    return restarted;
  }
}
