package io.irisx.api.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.db.webhook.WebhookDeliveryRow;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery (one event to one endpoint) as the API shows it. {@code payload} is the envelope sent;
 * {@code attempts} is present on {@code GET /v1/webhook-deliveries/{id}} only.
 */
public record DeliveryView(
    UUID id,
    UUID endpointId,
    UUID eventId,
    String eventType,
    UUID callId,
    Long sequence,
    String status,
    int attemptCount,
    String lastAttemptAt,
    String nextAttemptAt,
    Integer responseStatus,
    String error,
    String deliveredAt,
    String workflowId,
    String createdAt,
    String updatedAt,
    JsonNode payload,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<AttemptView> attempts) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One attempt: when, to which URL, what came back. */
  public record AttemptView(
      int number,
      String attemptedAt,
      String url,
      String outcome,
      Integer responseStatus,
      Long latencyMillis,
      String responseBody,
      String error) {
    static AttemptView of(WebhookAttemptRow row) {
      return new AttemptView(
          row.attemptNumber(),
          Times.iso(row.attemptedAt()),
          row.url(),
          row.outcome(),
          row.responseStatus(),
          row.latencyMillis(),
          row.responseBody(),
          row.error());
    }
  }

  static DeliveryView of(WebhookDeliveryRow row) {
    return of(row, null);
  }

  static DeliveryView of(WebhookDeliveryRow row, @Nullable List<WebhookAttemptRow> attempts) {
    JsonNode payload;
    try {
      payload = JSON.readTree(row.payload());
    } catch (java.io.IOException e) {
      payload = JSON.getNodeFactory().textNode(row.payload());
    }
    return new DeliveryView(
        row.id(),
        row.webhookId(),
        row.eventId(),
        row.eventType(),
        row.callId(),
        row.sequence(),
        row.status(),
        row.attemptCount(),
        Times.iso(row.lastAttemptAt()),
        Times.iso(row.nextAttemptAt()),
        row.responseStatus(),
        row.error(),
        Times.iso(row.deliveredAt()),
        row.workflowId(),
        Times.iso(row.createdAt()),
        Times.iso(row.updatedAt()),
        payload,
        attempts == null ? null : attempts.stream().map(AttemptView::of).toList());
  }
}
