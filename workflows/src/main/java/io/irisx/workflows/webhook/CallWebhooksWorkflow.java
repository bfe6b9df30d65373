package io.irisx.workflows.webhook;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One call's events to one endpoint, delivered in sequence order, each to its end (succeeded, or
 * finally failed or canceled) before the next; every attempt is a local activity recorded in the
 * history and in {@code webhook_delivery_attempts}. A run ends as soon as nothing waits; the call's
 * next event starts the next run of the same workflow id. An event published while a run is under
 * way is handed to it by {@link #enqueue}. Workflow id: {@code webhooks-<callId>-<endpointId>}.
 */
@WorkflowInterface
public interface CallWebhooksWorkflow {
  String TYPE = "CallWebhooks";
  String ENQUEUE_SIGNAL = "enqueue";

  @WorkflowMethod(name = TYPE)
  void deliver(DeliveryStream deliveries);

  @SignalMethod(name = ENQUEUE_SIGNAL)
  void enqueue(QueuedDelivery delivery);

  /** The deliveries waiting their turn, in order (not the one under way). */
  @QueryMethod(name = "waiting")
  List<QueuedDelivery> waiting();

  static String workflowId(String callId, String endpointId) {
    return "webhooks-" + callId + "-" + endpointId;
  }
}
