package io.irisx.activities.webhook;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.webhook.DeliveryRequest;
import io.irisx.workflows.webhook.WebhookDeliveryWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/**
 * Starts the {@code WebhookDelivery} workflow of one delivery of an event that is not about a call.
 * Idempotent: the workflow id is the delivery's, so a second start finds the first under way.
 */
final class DeliveryWorkflowStarter {
  private final WorkflowClient temporal;

  DeliveryWorkflowStarter(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  void start(String deliveryId, String summary) {
    WebhookDeliveryWorkflow workflow =
        temporal.newWorkflowStub(
            WebhookDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DeliveryRequest.workflowId(deliveryId))
                .setTaskQueue(TaskQueues.WEBHOOKS)
                .setStaticSummary(summary)
                .build());
    try {
      WorkflowClient.start(workflow::deliver, new DeliveryRequest(deliveryId, false));
    } catch (WorkflowExecutionAlreadyStarted alreadyRunning) {
      // A retry: the delivery is under way.
    }
  }
}
