package io.irisx.db.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code webhook_deliveries}: one event to one endpoint, and where its delivery stands.
 * {@code payload} is the JSON envelope exactly as it is sent, byte for byte on every attempt.
 */
public record WebhookDeliveryRow(
    UUID id,
    UUID tenantId,
    UUID webhookId,
    UUID eventId,
    String eventType,
    UUID callId,
    Long sequence,
    Instant occurredAt,
    String payload,
    String status,
    String workflowId,
    int attemptCount,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Integer responseStatus,
    String error,
    Instant deliveredAt,
    Instant createdAt,
    Instant updatedAt) {
  public static final String PENDING = "pending";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String CANCELED = "canceled";

  public boolean isFinal() {
    return SUCCEEDED.equals(status) || FAILED.equals(status) || CANCELED.equals(status);
  }
}
