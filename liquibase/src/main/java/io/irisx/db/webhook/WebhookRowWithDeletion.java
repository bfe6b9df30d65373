package io.irisx.db.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint as a delivery sees it: also when it has been deleted since the event. */
public record WebhookRowWithDeletion(
    UUID id,
    UUID tenantId,
    String url,
    String description,
    List<String> events,
    String secret,
    String previousSecret,
    Instant previousSecretExpiresAt,
    String status,
    String disabledReason,
    Instant disabledAt,
    String source,
    int failureCount,
    Instant lastSuccessAt,
    Instant lastFailureAt,
    Instant createdAt,
    Instant updatedAt,
    boolean deleted) {

  public WebhookRow endpoint() {
    return new WebhookRow(
        id,
        tenantId,
        url,
        description,
        events,
        secret,
        previousSecret,
        previousSecretExpiresAt,
        status,
        disabledReason,
        disabledAt,
        source,
        failureCount,
        lastSuccessAt,
        lastFailureAt,
        createdAt,
        updatedAt);
  }

  @Override
  public String toString() {
    return endpoint() + "[deleted=" + deleted + "]";
  }
}
