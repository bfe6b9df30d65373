package io.irisx.workflows.webhook;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Publishes a call event to the tenant's webhooks. The contract for the call workflow:
 *
 * <pre>{@code
 * private final WebhookPublishing webhooks = Workflow.newActivityStub(WebhookPublishing.class);
 * ...
 * webhooks.publish(new CallEventRecord(tenantId, callId, ++eventSequence, WebhookEventTypes.CALL_COMPLETED,
 *     Instant.ofEpochMilli(Workflow.currentTimeMillis()), Map.of("status", "completed"), webhookUrl));
 * }</pre>
 *
 * <p>Activity {@value ActivityCatalogue#PUBLISH_WEBHOOK_EVENT} on the {@code irisx-calls} task
 * queue; its options come from {@link ActivityCatalogue}, so the stub needs none. It returns once
 * every delivery is stored and its workflow started (or signalled), which takes milliseconds: it
 * does not wait for any HTTP request. It is idempotent: the event id derives from (call, sequence),
 * so a retried or repeated publish creates no second delivery.
 *
 * <p>It creates one delivery per enabled endpoint of the tenant subscribed to the type (or to every
 * type), plus one to {@code webhookUrl} when given. For a call, deliveries to one endpoint run one
 * after another in {@code sequence} order (workflow {@code webhook-stream-<callId>-<endpointId>});
 * each delivery is workflow {@code webhook-<deliveryId>}.
 *
 * <p>Fails without retry (type {@code InvalidWebhookEvent}) when the record is malformed: ids that
 * are not UUIDs, an unknown type, a negative sequence, or an envelope over the payload cap (256 KiB
 * by default). A {@code webhookUrl} the address policy refuses is skipped with a warning rather
 * than failing the call.
 */
@ActivityInterface
public interface WebhookPublishing {

  @ActivityMethod(name = ActivityCatalogue.PUBLISH_WEBHOOK_EVENT)
  PublishedEvent publish(CallEventRecord event);
}
