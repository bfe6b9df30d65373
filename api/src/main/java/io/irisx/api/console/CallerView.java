package io.irisx.api.console;

/**
 * Who a request is from ({@code GET /v1/session}): {@code kind} {@code session} (a console user,
 * with the user, the session's CSRF token and expiry) or {@code api-key} (with the key's id and
 * scope). {@code temporalUiUrl} is where the console links a call's history, or null.
 */
public record CallerView(
    String kind,
    String tenantId,
    String tenantName,
    UserView user,
    String csrfToken,
    String expiresAt,
    String apiKeyId,
    String scope,
    String temporalUiUrl,
    String temporalNamespace) {}
