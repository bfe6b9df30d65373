package io.irisx.workflows.webhook;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * What a delivery workflow asks of the world. Both are idempotent. An HTTP failure is an outcome,
 * not an exception: the workflow owns the retry schedule, so every attempt is visible as its own
 * activity in the history and its own row in {@code webhook_delivery_attempts}.
 */
@ActivityInterface
public interface WebhookDeliveryActivities {

  /** Reads the delivery; for a redelivery, reopens it. */
  @ActivityMethod(name = ActivityCatalogue.BEGIN_WEBHOOK_DELIVERY)
  DeliveryStart begin(DeliveryRequest request);

  /** Signs and sends the request once, records the attempt and the delivery's new status. */
  @ActivityMethod(name = ActivityCatalogue.ATTEMPT_WEBHOOK_DELIVERY)
  AttemptOutcome attempt(AttemptRequest request);
}
