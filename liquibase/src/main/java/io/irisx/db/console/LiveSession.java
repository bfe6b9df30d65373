package io.irisx.db.console;

import java.time.Instant;
import java.util.UUID;

/**
 * A live session and the account it signs in: what every console request is authenticated as. Only
 * sessions that are not revoked, not past their expiry nor idle for too long, of an active,
 * undeleted user of an active tenant, are live.
 */
public record LiveSession(
    UUID sessionId,
    UUID tenantId,
    UUID userId,
    String email,
    String name,
    String role,
    Instant expiresAt,
    Instant lastSeenAt) {}
