package io.irisx.db.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code webhooks}: an endpoint events are delivered to. The secrets are needed in clear
 * to sign; {@link #toString()} leaves them out, so a logged row never leaks them.
 *
 * @param events event types subscribed to; empty means every type
 * @param source {@code api} for endpoints created through the API, {@code call} for the endpoint
 *     made for a call's own {@code webhookUrl}
 */
public record WebhookRow(
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
    Instant updatedAt) {
  public static final String ENABLED = "enabled";
  public static final String DISABLED = "disabled";
  public static final String SOURCE_API = "api";
  public static final String SOURCE_CALL = "call";

  public WebhookRow {
    events = events == null ? List.of() : List.copyOf(events);
  }

  public boolean enabled() {
    return ENABLED.equals(status);
  }

  /**
   * The secrets that sign a request sent at {@code at}: the current one, then the previous one
   * while its overlap lasts.
   */
  public List<String> signingSecrets(Instant at) {
    if (previousSecret != null
        && previousSecretExpiresAt != null
        && at.isBefore(previousSecretExpiresAt)) {
      return List.of(secret, previousSecret);
    }
    return List.of(secret);
  }

  @Override
  public String toString() {
    return "WebhookRow[id="
        + id
        + ", tenantId="
        + tenantId
        + ", url="
        + url
        + ", events="
        + events
        + ", status="
        + status
        + ", source="
        + source
        + ", secret=<redacted>]";
  }
}
