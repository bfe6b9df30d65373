package io.irisx.api.console;

import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.db.TenantDao;
import io.irisx.db.TenantRow;
import io.irisx.db.console.UserRow;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds {@link CallerView}s: what {@code GET /v1/session} and a log-in answer. */
public final class CallerViews {
  private final TenantDao tenants;
  private final @Nullable String temporalUiUrl;
  private final String temporalNamespace;

  public CallerViews(TenantDao tenants, ConsoleSettings settings, String temporalNamespace) {
    this.tenants = tenants;
    this.temporalUiUrl = settings.getTemporalUiUrl().isEmpty() ? null : settings.getTemporalUiUrl();
    this.temporalNamespace = temporalNamespace;
  }

  public CallerView session(UserRow user, String sessionToken, Instant expiresAt) {
    return new CallerView(
        "session",
        user.tenantId().toString(),
        tenantName(user.tenantId()),
        UserView.of(user),
        SessionTokens.csrfToken(sessionToken),
        Iso.of(expiresAt),
        null,
        null,
        temporalUiUrl,
        temporalNamespace);
  }

  public CallerView apiKey(AuthenticatedTenant tenant) {
    return new CallerView(
        "api-key",
        tenant.tenantId().toString(),
        tenantName(tenant.tenantId()),
        null,
        null,
        null,
        tenant.apiKeyId().toString(),
        tenant.scope().wireName(),
        temporalUiUrl,
        temporalNamespace);
  }

  private @Nullable String tenantName(UUID tenantId) {
    return tenants.find(tenantId).map(TenantRow::name).orElse(null);
  }
}
