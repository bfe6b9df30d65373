package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.client.ApiSchema;
import java.time.Instant;
import java.util.List;

/** One event's delivery to one endpoint, with its attempts. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("WebhookDelivery")
public record WebhookDelivery(
    String id,
    String endpointId,
    String eventId,
    String eventType,
    String callId,
    Integer sequence,
    String status,
    int attemptCount,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Integer responseStatus,
    String error,
    Instant deliveredAt,
    String workflowId,
    Instant createdAt,
    Instant updatedAt,
    JsonNode payload,
    List<DeliveryAttempt> attempts) {}
