package io.irisx.db.console;

import java.time.Instant;
import java.util.UUID;

/** A console session as its owner may see it: never its token, which is stored only hashed. */
public record SessionRow(
    UUID id,
    UUID tenantId,
    UUID userId,
    String ipAddress,
    String userAgent,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt) {}
