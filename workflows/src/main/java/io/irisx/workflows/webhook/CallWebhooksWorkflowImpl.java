package io.irisx.workflows.webhook;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SequencedSet;
import org.slf4j.Logger;

/**
 * Replaces a stream workflow plus one child workflow per event ({@link WebhookStreamWorkflowImpl},
 * kept registered until its runs drain): an event answered at once costs one workflow task, and
 * either one workflow start or one signal, instead of four workflow tasks, two activities and a
 * signal.
 */
public final class CallWebhooksWorkflowImpl implements CallWebhooksWorkflow {
  private static final Logger log = Workflow.getLogger(CallWebhooksWorkflowImpl.class);

  /** Deliveries per run before the history is trimmed by continuing as new. */
  static final int DELIVERIES_PER_RUN = 100;

  /** How many delivery ids a run remembers to ignore a repeated signal. */
  static final int REMEMBERED = 200;

  /**
   * A local activity: the attempt runs inside the workflow task that decides it, so an event costs
   * no activity task and no second workflow task. Its options (retried without end on a database
   * fault) come from {@code ActivityCatalogue.localOptions()}.
   */
  private final DeliveryAttempts attempts =
      new DeliveryAttempts(
          Workflow.newLocalActivityStub(WebhookDeliveryActivities.class), RetrySchedule.THREE_DAYS);

  private final PriorityQueue<QueuedDelivery> waiting =
      new PriorityQueue<>(QueuedDelivery.IN_ORDER);
  private final SequencedSet<String> seen = new LinkedHashSet<>();

  @Override
  public void deliver(DeliveryStream deliveries) {
    deliveries.recentlyStarted().forEach(this::remember);
    deliveries.waiting().forEach(this::enqueue);
    int delivered = 0;
    while (!waiting.isEmpty()) {
      if (delivered >= DELIVERIES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(
            new DeliveryStream(
                deliveries.callId(), deliveries.endpointId(), waiting(), List.copyOf(seen)));
      }
      deliver(waiting.poll());
      delivered++;
    }
    Workflow.setCurrentDetails(delivered + " delivered; nothing waiting");
  }

  @Override
  public void enqueue(QueuedDelivery delivery) {
    if (!seen.contains(delivery.deliveryId())
        && waiting.stream().noneMatch(q -> q.deliveryId().equals(delivery.deliveryId()))) {
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
    remember(delivery.deliveryId());
    try {
      DeliveryResult result =
          attempts.run(delivery.deliveryId(), delivery.firstAttemptNumber(), outcome -> {});
      log.info(
          "webhook delivery {} (sequence {}) ended {} after {} attempt(s)",
          delivery.deliveryId(),
          delivery.sequence(),
          result.status(),
          result.attempts());
    } catch (ActivityFailure failure) {
      // Only a delivery whose row is gone fails for good; the next event must not wait behind it.
      log.warn(
          "webhook delivery {} not delivered: {}", delivery.deliveryId(), failure.getMessage());
    }
  }

  private void remember(String deliveryId) {
    seen.add(deliveryId);
    while (seen.size() > REMEMBERED) {
      seen.removeFirst();
    }
  }
}
