package io.irisx.db.webhook;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a list of deliveries is narrowed to; a null field does not narrow. The cursor is the
 * (createdAt, id) of the last delivery of the previous page.
 */
public record DeliveryFilter(
    UUID tenantId,
    @Nullable UUID webhookId,
    @Nullable String status,
    @Nullable String eventType,
    @Nullable UUID callId,
    @Nullable Instant since,
    @Nullable Instant until,
    @Nullable Instant cursorCreatedAt,
    @Nullable UUID cursorId) {

  public static DeliveryFilter of(UUID tenantId) {
    return new DeliveryFilter(tenantId, null, null, null, null, null, null, null, null);
  }

  public DeliveryFilter withWebhook(@Nullable UUID webhook) {
    return new DeliveryFilter(
        tenantId, webhook, status, eventType, callId, since, until, cursorCreatedAt, cursorId);
  }

  public DeliveryFilter withStatus(@Nullable String value) {
    return new DeliveryFilter(
        tenantId, webhookId, value, eventType, callId, since, until, cursorCreatedAt, cursorId);
  }

  public DeliveryFilter withEventType(@Nullable String value) {
    return new DeliveryFilter(
        tenantId, webhookId, status, value, callId, since, until, cursorCreatedAt, cursorId);
  }

  public DeliveryFilter withCall(@Nullable UUID value) {
    return new DeliveryFilter(
        tenantId, webhookId, status, eventType, value, since, until, cursorCreatedAt, cursorId);
  }

  public DeliveryFilter between(@Nullable Instant from, @Nullable Instant to) {
    return new DeliveryFilter(
        tenantId, webhookId, status, eventType, callId, from, to, cursorCreatedAt, cursorId);
  }

  public DeliveryFilter after(@Nullable Instant createdAt, @Nullable UUID id) {
    return new DeliveryFilter(
        tenantId, webhookId, status, eventType, callId, since, until, createdAt, id);
  }
}
