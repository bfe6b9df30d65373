package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/** A tenant; {@code recordingRetentionDays} null keeps its recordings until they are deleted. */
public record TenantRow(
    UUID id, String name, String status, Instant createdAt, Integer recordingRetentionDays) {}
