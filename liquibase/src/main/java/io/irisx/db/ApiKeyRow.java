package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/** An API key as stored: only its SHA-256 hash and a short recognisable prefix, never the key. */
public record ApiKeyRow(
    UUID id, UUID tenantId, String name, String keyPrefix, String keyHash, Instant createdAt) {}
