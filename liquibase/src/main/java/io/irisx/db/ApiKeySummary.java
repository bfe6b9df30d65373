package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/** What a tenant may see of one of its keys: never the hash. */
public record ApiKeySummary(
    UUID id,
    UUID tenantId,
    String name,
    String keyPrefix,
    String scope,
    Instant createdAt,
    Instant lastUsedAt) {}
