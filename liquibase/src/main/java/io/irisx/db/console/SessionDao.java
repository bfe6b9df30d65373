package io.irisx.db.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Console sessions, stored by the SHA-256 of their token (the token itself never is). */
public interface SessionDao {
  String COLUMNS =
      "s.id, s.tenant_id, s.user_id, host(s.ip_address) AS ip_address, s.user_agent, s.created_at,"
          + " s.last_seen_at, s.expires_at";

  @SqlUpdate(
      """
      INSERT INTO sessions (id, tenant_id, user_id, token_hash, ip_address, user_agent,
                            expires_at, last_seen_at, created_at)
      VALUES (:id, :tenantId, :userId, :tokenHash, CAST(:ip AS inet), :userAgent,
              :expiresAt, :at, :at)
      """)
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("userId") UUID userId,
      @Bind("tokenHash") String tokenHash,
      @Bind("ip") String ip,
      @Bind("userAgent") String userAgent,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("at") Instant at);

  /**
   * The live session with this token hash at {@code now}: not revoked, before its expiry, seen
   * after {@code idleCutoff}, of an active user and an active tenant.
   */
  @SqlQuery(
      """
      SELECT s.id AS session_id, s.tenant_id, s.user_id, u.email, u.name, u.role,
             s.expires_at, s.last_seen_at
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      JOIN tenants t ON t.id = s.tenant_id
      WHERE s.token_hash = :tokenHash AND s.revoked_at IS NULL
        AND s.expires_at > :now AND s.last_seen_at > :idleCutoff
        AND u.status = 'active' AND u.deleted_at IS NULL AND u.tenant_id = s.tenant_id
        AND t.status = 'active' AND t.deleted_at IS NULL
      """)
  @RegisterConstructorMapper(LiveSession.class)
  Optional<LiveSession> findLive(
      @Bind("tokenHash") String tokenHash,
      @Bind("now") Instant now,
      @Bind("idleCutoff") Instant idleCutoff);

  /** Records activity, at most once per {@code resolution}: not a write for every request. */
  @SqlUpdate(
      """
      UPDATE sessions SET last_seen_at = :at
      WHERE id = :id AND last_seen_at < CAST(:at AS timestamptz) - CAST(:resolution AS interval)
      """)
  void touch(@Bind("id") UUID id, @Bind("at") Instant at, @Bind("resolution") String resolution);

  /** The user's live sessions, newest first. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM sessions s
          WHERE s.tenant_id = :tenantId AND s.user_id = :userId
            AND s.revoked_at IS NULL AND s.expires_at > :now
          ORDER BY s.created_at DESC, s.id DESC
          LIMIT 100
          """)
  @RegisterConstructorMapper(SessionRow.class)
  List<SessionRow> listLive(
      @Bind("tenantId") UUID tenantId, @Bind("userId") UUID userId, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE sessions SET revoked_at = :at WHERE id = :id AND tenant_id = :tenantId AND revoked_at IS NULL")
  boolean revoke(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("at") Instant at);

  /** Signs the user out everywhere; how many sessions that ended. */
  @SqlUpdate(
      """
      UPDATE sessions SET revoked_at = :at
      WHERE tenant_id = :tenantId AND user_id = :userId AND revoked_at IS NULL
      """)
  int revokeAllOf(
      @Bind("tenantId") UUID tenantId, @Bind("userId") UUID userId, @Bind("at") Instant at);

  /** Forgets sessions that ended before {@code before}. */
  @SqlUpdate("DELETE FROM sessions WHERE expires_at < :before OR revoked_at < :before")
  int purgeEndedBefore(@Bind("before") Instant before);
}
