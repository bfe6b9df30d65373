package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

public record TenantRow(UUID id, String name, String status, Instant createdAt) {}
