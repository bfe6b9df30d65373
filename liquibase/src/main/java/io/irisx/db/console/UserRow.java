package io.irisx.db.console;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
import org.jspecify.annotations.Nullable;

/**
 * A console login account of a tenant. {@code role} is {@code admin}, {@code agent} or {@code
 * viewer}; {@code status} is {@code invited} (no password yet), {@code active} or {@code disabled}.
 * The password is kept only as its Argon2id hash.
 */
public record UserRow(
    UUID id,
    UUID tenantId,
    String email,
    @Nullable String name,
    String role,
    String status,
    @Nullable String passwordHash,
    @Nullable Instant lastLoginAt,
    @Nullable Instant inviteExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public static final String INVITED = "invited";
  public static final String ACTIVE = "active";
  public static final String DISABLED = "disabled";

  @JdbiConstructor
  public UserRow {}
}
