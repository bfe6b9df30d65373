package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code recordings}. */
public record RecordingRow(
    UUID id,
    UUID tenantId,
    UUID callId,
    String status,
    String s3Bucket,
    String s3Key,
    String contentType,
    Long durationMillis,
    Long sizeBytes,
    String checksumSha256,
    String failureReason,
    Instant startedAt,
    Instant endedAt,
    Instant uploadedAt,
    Instant createdAt) {}
