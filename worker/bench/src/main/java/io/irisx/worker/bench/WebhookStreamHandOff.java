package io.irisx.worker.bench;

import io.irisx.activities.webhook.CallDeliveryHandOff;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.webhook.DeliveryStream;
import io.irisx.workflows.webhook.QueuedDelivery;
import io.irisx.workflows.webhook.WebhookStreamWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * The hand-off as it was before {@code CallWebhooks}: signal-with-start of the call's {@code
 * WebhookStream}, which runs one delivery workflow per event. Only the bench uses it, to measure
 * the older shape (see {@link WebhookShape#STREAM}).
 */
final class WebhookStreamHandOff implements CallDeliveryHandOff {
  private final WorkflowClient temporal;

  WebhookStreamHandOff(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  @Override
  public void hand(String tenantId, String callId, String endpointId, QueuedDelivery delivery) {
    temporal
        .newUntypedWorkflowStub(
            "WebhookStream",
            WorkflowOptions.newBuilder()
                .setWorkflowId(DeliveryStream.workflowId(callId, endpointId))
                .setTaskQueue(TaskQueues.WEBHOOKS)
                .setStaticSummary("webhooks of call " + callId + " to endpoint " + endpointId)
                .build())
        .signalWithStart(
            WebhookStreamWorkflow.ENQUEUE_SIGNAL,
            new Object[] {delivery},
            new Object[] {DeliveryStream.of(callId, endpointId)});
  }
}
