package io.irisx.workflows.webhook;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Keeps one call's events to one endpoint in order: runs their delivery workflows one after
 * another, as children, lowest sequence first, each to its end (succeeded, or finally failed)
 * before the next starts. Fed by signal-with-start ({@link #enqueue}); ends after a quiet spell,
 * and a later event starts it again. Workflow id: {@code webhook-stream-<callId>-<endpointId>}.
 */
@WorkflowInterface
public interface WebhookStreamWorkflow {
  String ENQUEUE_SIGNAL = "enqueue";

  @WorkflowMethod(name = "WebhookStream")
  void run(DeliveryStream stream);

  @SignalMethod(name = ENQUEUE_SIGNAL)
  void enqueue(QueuedDelivery delivery);

  /** The deliveries waiting their turn, in order. */
  @QueryMethod(name = "waiting")
  List<QueuedDelivery> waiting();
}
