package io.irisx.workflows.webhook;

import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * One delivery as a workflow of its own: an event not about a call, a redelivery asked for through
 * the API, a delivery the sweep restarts. A call's events to an endpoint go through {@link
 * CallWebhooksWorkflowImpl} instead.
 */
public final class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {
  private static final Logger log = Workflow.getLogger(WebhookDeliveryWorkflowImpl.class);

  /**
   * Change id: {@code begin} runs as a local activity, inside the delivery's first workflow task,
   * instead of as an activity of its own. That saves a workflow task and an activity task per
   * delivery. Deliveries begun before it replay with the activity.
   */
  static final String LOCAL_BEGIN_CHANGE = "irisx-delivery-local-begin";

  /**
   * Change id: the {@link RetrySchedule#THREE_DAYS} schedule and the receiver's {@code Retry-After}
   * honoured. Deliveries begun before it keep {@link RetrySchedule#TWENTY_SEVEN_HOURS}.
   */
  static final String THREE_DAYS_CHANGE = "irisx-delivery-three-days";

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
    RetrySchedule schedule =
        Workflow.getVersion(THREE_DAYS_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1
            ? RetrySchedule.THREE_DAYS
            : RetrySchedule.TWENTY_SEVEN_HOURS;
    DeliveryResult result =
        new DeliveryAttempts(activities, schedule)
            .run(
                request.deliveryId(),
                start.firstAttemptNumber(),
                outcome -> {
                  if (outcome.deliveryStatus() != status) {
                    DeliverySearchAttributes.upsertStatus(outcome.deliveryStatus());
                  }
                  status = outcome.deliveryStatus();
                });
    log.info(
        "webhook delivery {} ended {} after {} attempt(s)",
        request.deliveryId(),
        result.status(),
        result.attempts());
    return result;
  }

  @Override
  public DeliveryStatus status() {
    return status;
  }
}
