package io.irisx.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.irisx.client.ApiSchema;
import java.time.Instant;
import java.util.List;

/** A webhook endpoint; {@code secret} (whsec_...) is only in the answer that made or rotated it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ApiSchema("Webhook")
public record Webhook(
    String id,
    String url,
    String description,
    List<String> events,
    String status,
    String disabledReason,
    Instant disabledAt,
    String source,
    int failureCount,
    Instant lastSuccessAt,
    Instant lastFailureAt,
    Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt,
    String secret) {}
