package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

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
    String nodeId,
    String channelUuid,
    Instant createdAt,
    Instant ringingAt,
    Instant answeredAt,
    Instant endedAt,
    Long durationSeconds,
    Long billSeconds,
    String hangupCause,
    Integer hangupCauseCode,
    String metadataJson,
    Integer sipCode,
    String hungUpBy,
    String fromRaw) {}
