package io.irisx.db.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * The console's accounts. Every statement but the log-in and invitation look-ups (which find the
 * tenant from the account) is scoped by tenant. An email address names one live account across all
 * tenants (the unique index on {@code lower(email)}), so a log-in needs no tenant.
 */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
  String COLUMNS =
      "u.id, u.tenant_id, u.email, u.name, u.role, u.status, u.password_hash, u.last_login_at,"
          + " u.invite_expires_at, u.created_at, u.updated_at";

  /**
   * Makes an account: active with a password hash, or invited with the hash of its one-time token.
   * False when the email already names a live account (of any tenant).
   */
  @SqlUpdate(
      """
      INSERT INTO users (id, tenant_id, email, name, role, status, password_hash,
                         invite_token_hash, invite_expires_at, invited_by, created_at)
      VALUES (:id, :tenantId, :email, :name, :role, :status, :passwordHash,
              :inviteTokenHash, :inviteExpiresAt, CAST(:invitedBy AS uuid), :at)
      ON CONFLICT (lower(email)) WHERE deleted_at IS NULL DO NOTHING
      """)
  boolean insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("email") String email,
      @Bind("name") @Nullable String name,
      @Bind("role") String role,
      @Bind("status") String status,
      @Bind("passwordHash") @Nullable String passwordHash,
      @Bind("inviteTokenHash") @Nullable String inviteTokenHash,
      @Bind("inviteExpiresAt") @Nullable Instant inviteExpiresAt,
      @Bind("invitedBy") @Nullable UUID invitedBy,
      @Bind("at") Instant at);

  /** The live account with this email (any case) whose tenant is active: a log-in's look-up. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM users u JOIN tenants t ON t.id = u.tenant_id
          WHERE lower(u.email) = lower(:email) AND u.deleted_at IS NULL
            AND t.status = 'active' AND t.deleted_at IS NULL
          """)
  Optional<UserRow> findForLogin(@Bind("email") String email);

  /** The invited account whose token has this hash and has not lapsed at {@code now}. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM users u JOIN tenants t ON t.id = u.tenant_id
          WHERE u.invite_token_hash = :tokenHash AND u.status = 'invited'
            AND u.invite_expires_at > :now AND u.deleted_at IS NULL
            AND t.status = 'active' AND t.deleted_at IS NULL
          """)
  Optional<UserRow> findByInvitation(@Bind("tokenHash") String tokenHash, @Bind("now") Instant now);

  /** Turns an invitation into an active account with a password; its token stops working. */
  @SqlUpdate(
      """
      UPDATE users SET status = 'active', password_hash = :passwordHash,
                       name = COALESCE(:name, name), invite_token_hash = NULL,
                       invite_expires_at = NULL, email_verified_at = :at
      WHERE id = :id AND status = 'invited' AND deleted_at IS NULL
      """)
  boolean acceptInvitation(
      @Bind("id") UUID id,
      @Bind("passwordHash") String passwordHash,
      @Bind("name") @Nullable String name,
      @Bind("at") Instant at);

  /** A new one-time token for an account still invited (the old one stops working). */
  @SqlUpdate(
      """
      UPDATE users SET invite_token_hash = :tokenHash, invite_expires_at = :expiresAt
      WHERE tenant_id = :tenantId AND id = :id AND status = 'invited' AND deleted_at IS NULL
      """)
  boolean reinvite(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("tokenHash") String tokenHash,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM users u WHERE u.tenant_id = :tenantId AND u.id = :id AND u.deleted_at IS NULL")
  Optional<UserRow> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** The tenant's accounts, newest first, after the (createdAt, id) cursor when one is given. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM users u
          WHERE u.tenant_id = :tenantId AND u.deleted_at IS NULL
            AND (CAST(:cursorCreatedAt AS timestamptz) IS NULL
                 OR (u.created_at, u.id) < (:cursorCreatedAt, CAST(:cursorId AS uuid)))
          ORDER BY u.created_at DESC, u.id DESC
          LIMIT :limit
          """)
  List<UserRow> listNewestFirst(
      @Bind("tenantId") UUID tenantId,
      @Bind("cursorCreatedAt") @Nullable Instant cursorCreatedAt,
      @Bind("cursorId") @Nullable UUID cursorId,
      @Bind("limit") int limit);

  /** Changes the name, role and status; a null leaves that column as it is. */
  @SqlUpdate(
      """
      UPDATE users SET name = COALESCE(:name, name), role = COALESCE(:role, role),
                       status = COALESCE(:status, status)
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean update(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("name") @Nullable String name,
      @Bind("role") @Nullable String role,
      @Bind("status") @Nullable String status);

  /** Removes the account (soft delete); its email may then name a new account. */
  @SqlUpdate(
      """
      UPDATE users SET deleted_at = :at, invite_token_hash = NULL
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean delete(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("at") Instant at);

  /** Sets an active account's password (its hash). */
  @SqlUpdate(
      """
      UPDATE users SET password_hash = :passwordHash, status = 'active'
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean setPassword(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("passwordHash") String passwordHash);

  @SqlUpdate("UPDATE users SET last_login_at = :at WHERE id = :id")
  void markLogin(@Bind("id") UUID id, @Bind("at") Instant at);

  /** The tenant's active admins other than {@code exceptId}: a tenant must keep at least one. */
  @SqlQuery(
      """
      SELECT count(*) FROM users
      WHERE tenant_id = :tenantId AND role = 'admin' AND status = 'active'
        AND deleted_at IS NULL AND id <> :exceptId
      """)
  int countOtherActiveAdmins(@Bind("tenantId") UUID tenantId, @Bind("exceptId") UUID exceptId);
}
