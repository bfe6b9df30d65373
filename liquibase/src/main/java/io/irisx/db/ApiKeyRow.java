package io.irisx.db;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
import org.jspecify.annotations.Nullable;

/**
 * An API key as stored: only its SHA-256 hash and a short recognisable prefix, never the key.
 * {@code scope} is {@code full} or {@code read-only}.
 */
public record ApiKeyRow(
    UUID id,
    UUID tenantId,
    String name,
    String keyPrefix,
    String keyHash,
    @Nullable Instant createdAt,
    String scope) {

  public static final String FULL = "full";
  public static final String READ_ONLY = "read-only";

  @JdbiConstructor
  public ApiKeyRow {}

  /** A key with the {@code full} scope. */
  public ApiKeyRow(
      UUID id,
      UUID tenantId,
      String name,
      String keyPrefix,
      String keyHash,
      @Nullable Instant createdAt) {
    this(id, tenantId, name, keyPrefix, keyHash, createdAt, FULL);
  }
}
