package io.irisx.db;

import java.util.Optional;
import java.util.UUID;

public interface TenantDao {
  void insert(UUID id, String name);

  Optional<TenantRow> find(UUID id);
}
