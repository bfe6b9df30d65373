package io.irisx.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ApiKeyRow.class)
public interface ApiKeyDao {
  /** Stores a key by its hash; {@code createdAt} may be null (the database's clock then). */
  @SqlUpdate(
      """
      INSERT INTO api_keys (id, tenant_id, name, key_prefix, key_hash, created_at)
      VALUES (:id, :tenantId, :name, :keyPrefix, :keyHash, COALESCE(:createdAt, now()))
      """)
  void insert(@BindMethods ApiKeyRow key);

  /** The key with this hash if it is neither revoked nor deleted and its tenant is active. */
  @SqlQuery(
      """
      SELECT k.id, k.tenant_id, k.name, k.key_prefix, k.key_hash, k.created_at
      FROM api_keys k
      JOIN tenants t ON t.id = k.tenant_id
      WHERE k.key_hash = :keyHash
        AND k.revoked_at IS NULL
        AND k.deleted_at IS NULL
        AND (k.expires_at IS NULL OR k.expires_at > now())
        AND t.status = 'active'
        AND t.deleted_at IS NULL
      """)
  Optional<ApiKeyRow> findActiveByHash(@Bind("keyHash") String keyHash);

  /** Records a use at {@code at}; never moves {@code last_used_at} backwards. */
  @SqlUpdate(
      """
      UPDATE api_keys SET last_used_at = :at
      WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)
      """)
  void markUsed(@Bind("id") UUID id, @Bind("at") Instant at);
}
