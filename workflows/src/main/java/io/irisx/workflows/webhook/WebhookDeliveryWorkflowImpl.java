package io.irisx.workflows.webhook;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public final class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {
  private static final Logger log = Workflow.getLogger(WebhookDeliveryWorkflowImpl.class);

  /**
   * Change id: {@code begin} runs as a local activity, inside the delivery's first workflow task,
   * instead of as an activity of its own. That saves a workflow task and an activity task per
   * delivery (about a third of the server's work for a delivery that succeeds at once), which is
   * what bounds deliveries per second. Deliveries begun before it replay with the activity.
   */
  static final String LOCAL_BEGIN_CHANGE = "irisx-delivery-local-begin";

  private final WebhookDeliveryActivities activities =
      Workflow.newActivityStub(WebhookDeliveryActivities.class);

  /**
   * Only {@code begin} is called on it; its options come from {@code
   * ActivityCatalogue.localOptions()}.
   */
  private final WebhookDeliveryActivities local =
      Workflow.newLocalActivityStub(WebhookDeliveryActivities.class);

  private DeliveryStatus status = DeliveryStatus.PENDING;

  @Override
  public DeliveryResult deliver(DeliveryRequest request) {
    boolean localBegin = Workflow.getVersion(LOCAL_BEGIN_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    DeliveryStart start = localBegin ? local.begin(request) : activities.begin(request);
    DeliverySearchAttributes.upsert(
        start.tenantId(), start.webhookEndpointId(), start.eventType(), start.status());
    if (start.status().isFinal()) {
      status = start.status();
      Workflow.setCurrentDetails("already " + status.wireName() + "; nothing sent");
      return new DeliveryResult(request.deliveryId(), status, 0, null, null);
    }
    AttemptOutcome outcome = null;
    int attempt = 1;
    for (; attempt <= RetrySchedule.ATTEMPTS; attempt++) {
      Duration wait = RetrySchedule.waitBefore(attempt);
      if (!wait.isZero()) {
        Workflow.sleep(wait);
      }
      Duration next =
          attempt < RetrySchedule.ATTEMPTS ? RetrySchedule.waitBefore(attempt + 1) : Duration.ZERO;
      outcome =
          activities.attempt(
              new AttemptRequest(
                  request.deliveryId(), start.firstAttemptNumber() + attempt - 1, next.toMillis()));
      if (outcome.deliveryStatus() != status) {
        DeliverySearchAttributes.upsertStatus(outcome.deliveryStatus());
      }
      status = outcome.deliveryStatus();
      Workflow.setCurrentDetails(details(attempt, outcome, next));
      if (status.isFinal()) {
        break;
      }
    }
    log.info(
        "webhook delivery {} ended {} after {} attempt(s)", request.deliveryId(), status, attempt);
    return new DeliveryResult(
        request.deliveryId(),
        status,
        Math.min(attempt, RetrySchedule.ATTEMPTS),
        outcome == null ? null : outcome.responseStatus(),
        outcome == null ? null : outcome.error());
  }

  @Override
  public DeliveryStatus status() {
    return status;
  }

  /** The line the Temporal UI shows for the delivery while it runs. */
  private static String details(int attempt, AttemptOutcome outcome, Duration next) {
    String answer =
        outcome.responseStatus() != null
            ? "HTTP " + outcome.responseStatus()
            : outcome.error() == null ? outcome.result() : outcome.error();
    String line =
        "attempt "
            + attempt
            + " of "
            + RetrySchedule.ATTEMPTS
            + ": "
            + outcome.result()
            + " ("
            + answer
            + ")";
    return outcome.deliveryStatus().isFinal()
        ? line + "; delivery " + outcome.deliveryStatus().wireName()
        : line + "; next attempt in " + next;
  }
}
