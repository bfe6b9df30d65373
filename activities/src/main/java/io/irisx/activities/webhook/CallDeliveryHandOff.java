package io.irisx.activities.webhook;

import io.irisx.workflows.webhook.QueuedDelivery;

/**
 * How a call's delivery reaches the workflow that sends the call's events to one endpoint in order.
 * Production hands it to {@link CallWebhooksStarter}; the bench can hand it to the older shape to
 * measure what the change saved. Must be idempotent: a publish that is retried hands the same
 * delivery again.
 */
public interface CallDeliveryHandOff {
  void hand(String tenantId, String callId, String endpointId, QueuedDelivery delivery);
}
