package io.irisx.api.auth;

import io.irisx.db.ApiKeyDao;
import io.irisx.db.ApiKeyRow;
import io.irisx.db.TenantDao;
import java.security.SecureRandom;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes tenants with their first API key (the {@code create-tenant} command, the dev stack, tests).
 */
public final class TenantProvisioner {
  static final String FIRST_KEY_NAME = "default";

  private final Jdbi jdbi;
  private final ApiKeys keys;

  public TenantProvisioner(Jdbi jdbi) {
    this(jdbi, new ApiKeys(new SecureRandom()));
  }

  TenantProvisioner(Jdbi jdbi, ApiKeys keys) {
    this.jdbi = jdbi;
    this.keys = keys;
  }

  /** Creates an active tenant and a key for it, in one transaction. */
  public ProvisionedTenant provision(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a tenant needs a name");
    }
    String tenantName = name.strip();
    UUID tenantId = UUID.randomUUID();
    UUID keyId = UUID.randomUUID();
    String apiKey = keys.generate();
    jdbi.useTransaction(
        handle -> {
          handle.attach(TenantDao.class).insert(tenantId, tenantName);
          handle
              .attach(ApiKeyDao.class)
              .insert(
                  new ApiKeyRow(
                      keyId,
                      tenantId,
                      FIRST_KEY_NAME,
                      ApiKeys.prefix(apiKey),
                      ApiKeys.hash(apiKey),
                      null));
        });
    return new ProvisionedTenant(tenantId, tenantName, keyId, apiKey);
  }

  /** Whether the key would authenticate now: known, not revoked or expired, its tenant active. */
  public boolean isActiveKey(String apiKey) {
    if (!ApiKeys.looksLikeKey(apiKey)) {
      return false;
    }
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.findActiveByHash(ApiKeys.hash(apiKey)))
        .isPresent();
  }
}
