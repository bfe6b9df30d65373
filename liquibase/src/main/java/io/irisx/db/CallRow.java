package io.irisx.db;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code calls}: the call and, once it has ended, its CDR. {@code fromRaw} is an inbound
 * caller's number as the network sent it (null for outbound calls).
 */
public record CallRow(
    UUID id,
    UUID tenantId,
    String direction,
    String fromNumber,
    String toNumber,
    String flow,
    String status,
    @Nullable String nodeId,
    @Nullable String channelUuid,
    Instant createdAt,
    @Nullable Instant ringingAt,
    @Nullable Instant answeredAt,
    @Nullable Instant endedAt,
    @Nullable Long durationSeconds,
    @Nullable Long billSeconds,
    @Nullable String hangupCause,
    @Nullable Integer hangupCauseCode,
    @Nullable String metadataJson,
    @Nullable Integer sipCode,
    @Nullable String hungUpBy,
    @Nullable String fromRaw) {}
