package io.irisx.api.console;

import org.jspecify.annotations.Nullable;

/**
 * Who a request is from ({@code GET /v1/session}): {@code kind} {@code session} (a console user,
 * with the user, the session's CSRF token and expiry) or {@code api-key} (with the key's id and
 * scope). {@code temporalUiUrl} is where the console links a call's history, or null.
 */
public record CallerView(
    String kind,
    String tenantId,
    @Nullable String tenantName,
    @Nullable UserView user,
    @Nullable String csrfToken,
    @Nullable String expiresAt,
    @Nullable String apiKeyId,
    @Nullable String scope,
    @Nullable String temporalUiUrl,
    String temporalNamespace) {}
