package io.irisx.workflows.webhook;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Attempts one delivery on its {@link RetrySchedule} until it succeeds, is refused for good (410,
 * the endpoint disabled or deleted) or the schedule runs out, honouring the receiver's {@code
 * Retry-After}. Infrastructure faults never end it: they are the attempt activity's own retries.
 */
final class DeliveryAttempts {
  private final WebhookDeliveryActivities activities;
  private final RetrySchedule schedule;

  DeliveryAttempts(WebhookDeliveryActivities activities, RetrySchedule schedule) {
    this.activities = activities;
    this.schedule = schedule;
  }

  /**
   * @param onOutcome told after every attempt (the workflow's status, its search attribute)
   */
  DeliveryResult run(
      String deliveryId, int firstAttemptNumber, Consumer<AttemptOutcome> onOutcome) {
    AttemptOutcome outcome = null;
    int attempt = 1;
    for (; attempt <= schedule.attempts(); attempt++) {
      Duration wait =
          schedule.waitBefore(attempt, outcome == null ? null : outcome.retryAfterMillis());
      if (!wait.isZero()) {
        Workflow.sleep(wait);
      }
      Duration next =
          attempt < schedule.attempts() ? schedule.waitBefore(attempt + 1) : Duration.ZERO;
      outcome =
          activities.attempt(
              new AttemptRequest(deliveryId, firstAttemptNumber + attempt - 1, next.toMillis()));
      onOutcome.accept(outcome);
      Workflow.setCurrentDetails(details(deliveryId, attempt, outcome, next));
      if (outcome.deliveryStatus().isFinal()) {
        break;
      }
    }
    return new DeliveryResult(
        deliveryId,
        outcome == null ? DeliveryStatus.PENDING : outcome.deliveryStatus(),
        Math.min(attempt, schedule.attempts()),
        outcome == null ? null : outcome.responseStatus(),
        outcome == null ? null : outcome.error());
  }

  /** The line the Temporal UI shows for the delivery while it runs. */
  private String details(String deliveryId, int attempt, AttemptOutcome outcome, Duration next) {
    String answer =
        outcome.responseStatus() != null
            ? "HTTP " + outcome.responseStatus()
            : outcome.error() == null ? outcome.result() : outcome.error();
    String line =
        "delivery "
            + deliveryId
            + " attempt "
            + attempt
            + " of "
            + schedule.attempts()
            + ": "
            + outcome.result()
            + " ("
            + answer
            + ")";
    if (outcome.deliveryStatus().isFinal()) {
      return line + "; delivery " + outcome.deliveryStatus().wireName();
    }
    Duration wait = schedule.waitBefore(attempt + 1, outcome.retryAfterMillis());
    return line + "; next attempt in " + (wait.compareTo(next) > 0 ? wait : next);
  }
}
