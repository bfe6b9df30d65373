package io.irisx.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

@RegisterConstructorMapper(ApiKeyRow.class)
public interface ApiKeyDao {
  String SUMMARY_COLUMNS = "id, tenant_id, name, key_prefix, scope, created_at, last_used_at";

  /** Stores a key by its hash; {@code createdAt} may be null (the database's clock then). */
  @SqlUpdate(
      """
      INSERT INTO api_keys (id, tenant_id, name, key_prefix, key_hash, scope, created_at)
      VALUES (:id, :tenantId, :name, :keyPrefix, :keyHash, :scope, COALESCE(:createdAt, now()))
      """)
  void insert(@BindMethods ApiKeyRow key);

  /** The key with this hash if it is neither revoked nor deleted and its tenant is active. */
  @SqlQuery(
      """
      SELECT k.id, k.tenant_id, k.name, k.key_prefix, k.key_hash, k.created_at, k.scope
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

  /** The tenant's key if it is neither revoked nor deleted. */
  @SqlQuery(
      "SELECT "
          + SUMMARY_COLUMNS
          + """
           FROM api_keys
          WHERE tenant_id = :tenantId AND id = :id AND revoked_at IS NULL AND deleted_at IS NULL
          """)
  @RegisterConstructorMapper(ApiKeySummary.class)
  Optional<ApiKeySummary> findSummary(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** The tenant's live keys, newest first, after the (createdAt, id) cursor when one is given. */
  default List<ApiKeySummary> listNewestFirst(
      UUID tenantId, @Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit) {
    if (cursorCreatedAt == null) {
      return listFirstPage(tenantId, limit);
    }
    return listPageAfter(
        tenantId, cursorCreatedAt, cursorId == null ? new UUID(0, 0) : cursorId, limit);
  }

  @SqlQuery(
      "SELECT "
          + SUMMARY_COLUMNS
          + """
           FROM api_keys
          WHERE tenant_id = :tenantId AND revoked_at IS NULL AND deleted_at IS NULL
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  @RegisterConstructorMapper(ApiKeySummary.class)
  List<ApiKeySummary> listFirstPage(@Bind("tenantId") UUID tenantId, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + SUMMARY_COLUMNS
          + """
           FROM api_keys
          WHERE tenant_id = :tenantId AND revoked_at IS NULL AND deleted_at IS NULL
            AND (created_at, id) < (:cursorCreatedAt, :cursorId)
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  @RegisterConstructorMapper(ApiKeySummary.class)
  List<ApiKeySummary> listPageAfter(
      @Bind("tenantId") UUID tenantId,
      @Bind("cursorCreatedAt") Instant cursorCreatedAt,
      @Bind("cursorId") UUID cursorId,
      @Bind("limit") int limit);

  /**
   * Revokes the tenant's key at {@code at}; false when there is no such live key (another tenant's
   * key included), so revoking twice is "not found" the second time.
   */
  @SqlUpdate(
      """
      UPDATE api_keys SET revoked_at = :at
      WHERE tenant_id = :tenantId AND id = :id AND revoked_at IS NULL AND deleted_at IS NULL
      """)
  boolean revoke(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("at") Instant at);
}
