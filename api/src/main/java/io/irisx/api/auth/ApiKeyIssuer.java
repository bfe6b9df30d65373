package io.irisx.api.auth;

import io.irisx.db.ApiKeyDao;
import io.irisx.db.ApiKeyRow;
import io.irisx.db.ApiKeySummary;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Makes a tenant's API keys: stored by hash and prefix; the key itself is handed back once. */
public final class ApiKeyIssuer {
  /** A key just made, and the key itself (shown once, never stored). */
  public record IssuedKey(ApiKeySummary summary, String key) {
    @Override
    public String toString() {
      return "IssuedKey[id=" + summary.id() + ", prefix=" + summary.keyPrefix() + "]";
    }
  }

  public static final int MAX_NAME_LENGTH = 100;

  private final ApiKeys keys;
  private final Clock clock;

  public ApiKeyIssuer(ApiKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public IssuedKey issue(ApiKeyDao dao, UUID tenantId, String name, ApiKeyScope scope) {
    String key = keys.generate();
    UUID id = UUID.randomUUID();
    // Milliseconds: what the API shows is then exactly what is stored.
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    dao.insert(
        new ApiKeyRow(
            id,
            tenantId,
            name,
            ApiKeys.prefix(key),
            ApiKeys.hash(key),
            createdAt,
            scope.wireName()));
    return new IssuedKey(
        new ApiKeySummary(
            id, tenantId, name, ApiKeys.prefix(key), scope.wireName(), createdAt, null),
        key);
  }
}
