package io.irisx.api.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.db.webhook.WebhookRow;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as the API shows it. {@code secret} appears only in the answers to create and
 * rotate-secret: it is shown once, then never again.
 */
public record WebhookView(
    UUID id,
    String url,
    String description,
    List<String> events,
    String status,
    String disabledReason,
    String disabledAt,
    String source,
    int failureCount,
    String lastSuccessAt,
    String lastFailureAt,
    String previousSecretExpiresAt,
    String createdAt,
    String updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

  static WebhookView of(WebhookRow row) {
    return new WebhookView(
        row.id(),
        row.url(),
        row.description(),
        row.events(),
        row.status(),
        row.disabledReason(),
        Times.iso(row.disabledAt()),
        row.source(),
        row.failureCount(),
        Times.iso(row.lastSuccessAt()),
        Times.iso(row.lastFailureAt()),
        Times.iso(row.previousSecretExpiresAt()),
        Times.iso(row.createdAt()),
        Times.iso(row.updatedAt()),
        null);
  }

  static WebhookView withSecret(WebhookRow row) {
    WebhookView view = of(row);
    return new WebhookView(
        view.id,
        view.url,
        view.description,
        view.events,
        view.status,
        view.disabledReason,
        view.disabledAt,
        view.source,
        view.failureCount,
        view.lastSuccessAt,
        view.lastFailureAt,
        view.previousSecretExpiresAt,
        view.createdAt,
        view.updatedAt,
        row.secret());
  }

  @Override
  public String toString() {
    return "WebhookView[id=" + id + ", url=" + url + ", secret=<redacted>]";
  }
}
