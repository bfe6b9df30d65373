package io.irisx.workflows.webhook;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SequencedSet;
import org.slf4j.Logger;

public final class WebhookStreamWorkflowImpl implements WebhookStreamWorkflow {
  private static final Logger log = Workflow.getLogger(WebhookStreamWorkflowImpl.class);

  /** How long a stream with nothing to deliver waits for its call's next event before it ends. */
  static final Duration IDLE = Duration.ofMinutes(10);

  /** Deliveries per run before the history is trimmed by continuing as new. */
  static final int DELIVERIES_PER_RUN = 100;

  /** How many delivered ids a run remembers to ignore a repeated signal. */
  static final int REMEMBERED = 200;

  private final PriorityQueue<QueuedDelivery> waiting =
      new PriorityQueue<>(QueuedDelivery.IN_ORDER);
  private final SequencedSet<String> started = new LinkedHashSet<>();

  @Override
  public void run(DeliveryStream stream) {
    stream.waiting().forEach(this::enqueue);
    started.addAll(stream.recentlyStarted());
    int delivered = 0;
    while (true) {
      Workflow.await(IDLE, () -> !waiting.isEmpty());
      if (waiting.isEmpty()) {
        break;
      }
      QueuedDelivery next = waiting.poll();
      deliver(next);
      delivered++;
      if (delivered >= DELIVERIES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        List<QueuedDelivery> carried = new ArrayList<>(waiting);
        carried.sort(QueuedDelivery.IN_ORDER);
        Workflow.continueAsNew(
            new DeliveryStream(
                stream.callId(), stream.endpointId(), carried, List.copyOf(started)));
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  @Override
  public void enqueue(QueuedDelivery delivery) {
    boolean known =
        started.contains(delivery.deliveryId())
            || waiting.stream().anyMatch(q -> q.deliveryId().equals(delivery.deliveryId()));
    if (!known) {
      waiting.add(delivery);
    }
  }

  @Override
  public List<QueuedDelivery> waiting() {
    List<QueuedDelivery> inOrder = new ArrayList<>(waiting);
    inOrder.sort(QueuedDelivery.IN_ORDER);
    return inOrder;
  }

  private void deliver(QueuedDelivery delivery) {
    started.add(delivery.deliveryId());
    while (started.size() > REMEMBERED) {
      started.removeFirst();
    }
    Workflow.setCurrentDetails(
        "delivering sequence " + delivery.sequence() + " (" + waiting.size() + " waiting)");
    WebhookDeliveryWorkflow child =
        Workflow.newChildWorkflowStub(
            WebhookDeliveryWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(DeliveryRequest.workflowId(delivery.deliveryId()))
                // A delivery outlives a stream that is terminated by hand.
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
    try {
      child.deliver(new DeliveryRequest(delivery.deliveryId(), false));
    } catch (ChildWorkflowFailure failure) {
      // Its own history says why; the next event must not wait for ever behind it.
      log.warn(
          "webhook delivery {} did not complete: {}", delivery.deliveryId(), failure.getMessage());
    }
  }
}
