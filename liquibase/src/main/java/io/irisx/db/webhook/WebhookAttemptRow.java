package io.irisx.db.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code webhook_delivery_attempts}: one HTTP request of a delivery and what came of it.
 *
 * @param outcome {@code succeeded} (2xx), {@code failed} (any other answer, a timeout, no
 *     connection), {@code gone} (410: the endpoint is disabled) or {@code refused} (the URL's
 *     address is not allowed, so nothing was sent)
 * @param responseBody the first bytes of the response body, for diagnosis
 */
public record WebhookAttemptRow(
    UUID deliveryId,
    UUID tenantId,
    int attemptNumber,
    Instant attemptedAt,
    String url,
    String outcome,
    Integer responseStatus,
    Long latencyMillis,
    String responseBody,
    String error) {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String GONE = "gone";
  public static final String REFUSED = "refused";
}
