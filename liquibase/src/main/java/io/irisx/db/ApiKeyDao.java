package io.irisx.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public interface ApiKeyDao {
  void insert(ApiKeyRow key);

  /** The key with this hash if it is neither revoked nor deleted and its tenant is active. */
  Optional<ApiKeyRow> findActiveByHash(String keyHash);

  void markUsed(UUID id, Instant at);
}
