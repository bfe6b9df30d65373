package io.irisx.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * Stored responses of idempotent requests. The primary key (owner, key) is what makes one request
 * win across every API replica: {@link #claim} succeeds for exactly one of them.
 */
@RegisterConstructorMapper(IdempotencyRecord.class)
public interface IdempotencyDao {
  /**
   * Claims the key for a request about to run: true when this caller now owns it. An existing row
   * is taken over only when it has expired, or when it is the same request still in flight whose
   * lock is older than {@code staleBefore} (its replica died mid-request).
   */
  @SqlQuery(
      """
      INSERT INTO idempotency_keys AS k
        (owner, idempotency_key, tenant_id, request_hash, method, path, locked_at, created_at, expires_at)
      VALUES (:owner, :key, CAST(:tenantId AS uuid), :requestHash, :method, :path, :now, :now, :expiresAt)
      ON CONFLICT (owner, idempotency_key) DO UPDATE SET
        tenant_id = EXCLUDED.tenant_id, request_hash = EXCLUDED.request_hash,
        method = EXCLUDED.method, path = EXCLUDED.path,
        response_status = NULL, response_headers = '{}', response_body = NULL, completed_at = NULL,
        locked_at = EXCLUDED.locked_at, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
      WHERE k.expires_at <= :now
         OR (k.response_status IS NULL AND k.locked_at < :staleBefore AND k.request_hash = EXCLUDED.request_hash)
      RETURNING true
      """)
  Optional<Boolean> claim(
      @Bind("owner") String owner,
      @Bind("key") String key,
      @Bind("tenantId") @Nullable UUID tenantId,
      @Bind("requestHash") String requestHash,
      @Bind("method") String method,
      @Bind("path") String path,
      @Bind("now") Instant now,
      @Bind("staleBefore") Instant staleBefore,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery(
      """
      SELECT owner, idempotency_key, request_hash, method, path, response_status,
             response_headers::text AS response_headers_json, response_body, locked_at, expires_at
      FROM idempotency_keys WHERE owner = :owner AND idempotency_key = :key
      """)
  Optional<IdempotencyRecord> find(@Bind("owner") String owner, @Bind("key") String key);

  /**
   * Stores the response of the request that claimed the key at {@code lockedAt} (if it still holds
   * it).
   */
  @SqlUpdate(
      """
      UPDATE idempotency_keys SET
        response_status = :status, response_headers = CAST(:headersJson AS jsonb),
        response_body = :body, completed_at = :now
      WHERE owner = :owner AND idempotency_key = :key AND request_hash = :requestHash
        AND locked_at = :lockedAt AND response_status IS NULL
      """)
  boolean complete(
      @Bind("owner") String owner,
      @Bind("key") String key,
      @Bind("requestHash") String requestHash,
      @Bind("lockedAt") Instant lockedAt,
      @Bind("status") int status,
      @Bind("headersJson") String headersJson,
      @Bind("body") byte[] body,
      @Bind("now") Instant now);

  /** Gives the key back (the request was refused and changed nothing), so it may be used again. */
  @SqlUpdate(
      """
      DELETE FROM idempotency_keys
      WHERE owner = :owner AND idempotency_key = :key AND request_hash = :requestHash
        AND locked_at = :lockedAt AND response_status IS NULL
      """)
  void release(
      @Bind("owner") String owner,
      @Bind("key") String key,
      @Bind("requestHash") String requestHash,
      @Bind("lockedAt") Instant lockedAt);

  /** Deletes expired records; returns how many. */
  @SqlUpdate("DELETE FROM idempotency_keys WHERE expires_at <= :now")
  int purgeExpired(@Bind("now") Instant now);
}
