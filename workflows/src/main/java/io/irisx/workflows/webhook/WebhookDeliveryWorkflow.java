package io.irisx.workflows.webhook;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One event to one endpoint, attempted on {@link RetrySchedule} until it succeeds, the endpoint is
 * gone or disabled, or the schedule runs out. Workflow id: {@code webhook-<deliveryId>}.
 */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

  @WorkflowMethod(name = "WebhookDelivery")
  DeliveryResult deliver(DeliveryRequest request);

  @QueryMethod(name = "status")
  DeliveryStatus status();
}
