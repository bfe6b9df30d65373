package io.irisx.workflows.webhook;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Restarts every pending delivery nobody is working on (a hand-off lost between the row and its
 * workflow, a workflow terminated by hand): run by the Temporal Schedule {@value #SCHEDULE_ID}
 * every minute. Returns how many it restarted.
 */
@WorkflowInterface
public interface WebhookSweepWorkflow {
  String SCHEDULE_ID = "webhook-sweep";
  String WORKFLOW_ID = "webhook-sweep";

  @WorkflowMethod(name = "WebhookSweep")
  int sweep();
}
