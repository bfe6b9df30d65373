package io.irisx.db;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a tenant may see of one of its keys: never the hash. */
public record ApiKeySummary(
    UUID id,
    UUID tenantId,
    String name,
    String keyPrefix,
    String scope,
    Instant createdAt,
    @Nullable Instant lastUsedAt) {}
