package io.irisx.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final TenantDao tenants = db.dao(TenantDao.class);
  private final ApiKeyDao keys = db.dao(ApiKeyDao.class);

  @Test
  void tenantIsCreatedActiveAndInsertIsIdempotent() {
    UUID tenant = UUID.randomUUID();
    tenants.insert(tenant, "acme");
    tenants.insert(tenant, "acme again");

    TenantRow row = tenants.find(tenant).orElseThrow();
    assertThat(row.name()).isEqualTo("acme");
    assertThat(row.status()).isEqualTo("active");
    assertThat(row.createdAt()).isNotNull();
    assertThat(tenants.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void activeKeyIsFoundByItsHash() {
    ApiKeyRow key = newKey(db.newTenant());
    keys.insert(key);

    assertThat(keys.findActiveByHash(key.keyHash())).contains(key);
    assertThat(keys.findActiveByHash(sha256("some other key"))).isEmpty();
  }

  @Test
  void revokedKeyIsNotActive() {
    ApiKeyRow key = newKey(db.newTenant());
    keys.insert(key);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE api_keys SET revoked_at = now() WHERE id = :id")
                    .bind("id", key.id())
                    .execute());

    assertThat(keys.findActiveByHash(key.keyHash())).isEmpty();
  }

  @Test
  void keyOfASuspendedTenantIsNotActive() {
    UUID tenant = db.newTenant();
    ApiKeyRow key = newKey(tenant);
    keys.insert(key);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE tenants SET status = 'suspended' WHERE id = :id")
                    .bind("id", tenant)
                    .execute());

    assertThat(keys.findActiveByHash(key.keyHash())).isEmpty();
  }

  @Test
  void markUsedNeverMovesBackwards() {
    ApiKeyRow key = newKey(db.newTenant());
    keys.insert(key);
    Instant later = PostgresExtension.now();
    keys.markUsed(key.id(), later);
    keys.markUsed(key.id(), later.minusSeconds(30));

    Instant lastUsed =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT last_used_at FROM api_keys WHERE id = :id")
                        .bind("id", key.id())
                        .mapTo(Instant.class)
                        .one());
    assertThat(lastUsed).isEqualTo(later);
  }

  private static ApiKeyRow newKey(UUID tenant) {
    String secret = "irx_live_" + UUID.randomUUID();
    return new ApiKeyRow(
        UUID.randomUUID(),
        tenant,
        "test key",
        secret.substring(0, 12),
        sha256(secret),
        PostgresExtension.now());
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
