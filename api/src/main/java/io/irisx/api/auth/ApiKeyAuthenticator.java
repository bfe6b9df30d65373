package io.irisx.api.auth;

import io.dropwizard.auth.Authenticator;
import io.irisx.db.ApiKeyDao;
import java.time.Clock;
import java.util.Optional;

/** A bearer credential is a tenant's API key when its SHA-256 is that of an active key. */
public final class ApiKeyAuthenticator implements Authenticator<String, AuthenticatedTenant> {
  private final ApiKeyDao apiKeys;
  private final Clock clock;

  public ApiKeyAuthenticator(ApiKeyDao apiKeys, Clock clock) {
    this.apiKeys = apiKeys;
    this.clock = clock;
  }

  @Override
  public Optional<AuthenticatedTenant> authenticate(String credential) {
    if (!ApiKeys.looksLikeKey(credential)) {
      return Optional.empty();
    }
    return apiKeys
        .findActiveByHash(ApiKeys.hash(credential))
        .map(
            key -> {
              apiKeys.markUsed(key.id(), clock.instant());
              // An unknown scope in the database is a bug; the narrowest scope is the safe reading.
              ApiKeyScope scope =
                  ApiKeyScope.fromWireName(key.scope()).orElse(ApiKeyScope.READ_ONLY);
              return new AuthenticatedTenant(key.tenantId(), key.id(), scope);
            });
  }
}
