package io.irisx.activities.webhook;

import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.webhook.CallWebhooksWorkflow;
import io.irisx.workflows.webhook.DeliveryStream;
import io.irisx.workflows.webhook.QueuedDelivery;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.util.List;

/**
 * Hands a delivery to its call's {@link CallWebhooksWorkflow}: starts a run with it when none is
 * under way (the delivery is the run's input, so no signal is paid for), or signals the run that
 * is. A run that ends between the two is followed by a new start. Idempotent: the run ignores a
 * delivery it already holds, and the attempt activity does not resend a recorded attempt.
 */
final class CallWebhooksStarter implements CallDeliveryHandOff {
  /**
   * Start or signal, then the other, then again: covers a run ending in between; more is trouble.
   */
  private static final int TRIES = 5;

  private final WorkflowClient temporal;

  CallWebhooksStarter(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /**
   * A call's first event finds no run, and is started with; a later one usually finds the run still
   * busy with the events before it, and is signalled first: either way one request to Temporal in
   * the common case, where start-then-signal paid a refused start for every later event.
   */
  @Override
  public void hand(String tenantId, String callId, String endpointId, QueuedDelivery delivery) {
    String workflowId = CallWebhooksWorkflow.workflowId(callId, endpointId);
    boolean runLikely = delivery.sequence() > 0;
    RuntimeException last = null;
    for (int i = 0; i < TRIES; i++) {
      if (runLikely) {
        try {
          temporal
              .newUntypedWorkflowStub(workflowId)
              .signal(CallWebhooksWorkflow.ENQUEUE_SIGNAL, delivery);
          return;
        } catch (WorkflowNotFoundException noRun) {
          last = noRun;
        }
      }
      try {
        temporal
            .newUntypedWorkflowStub(
                CallWebhooksWorkflow.TYPE, options(workflowId, tenantId, callId, endpointId))
            .start(new DeliveryStream(callId, endpointId, List.of(delivery), List.of()));
        return;
      } catch (WorkflowExecutionAlreadyStarted underWay) {
        last = underWay;
        runLikely = true;
      }
    }
    throw new IllegalStateException(
        "could not hand delivery " + delivery.deliveryId() + " to " + workflowId, last);
  }

  private static WorkflowOptions options(
      String workflowId, String tenantId, String callId, String endpointId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.WEBHOOKS)
        // Set at the start, not upserted: an upsert is a billable action of its own.
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(SearchAttributeCatalogue.TENANT_ID, tenantId)
                .set(SearchAttributeCatalogue.WEBHOOK_ENDPOINT_ID, endpointId)
                .build())
        .setStaticSummary(
            "webhooks of call " + callId + " to endpoint " + endpointId + ", in order")
        .build();
  }
}
