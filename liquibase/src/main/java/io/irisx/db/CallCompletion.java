package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/** The fields of {@code calls} written once a call has ended. */
public record CallCompletion(
    UUID id,
    String status,
    String nodeId,
    String channelUuid,
    Instant ringingAt,
    Instant answeredAt,
    Instant endedAt,
    long durationSeconds,
    long billSeconds,
    String hangupCause,
    Integer hangupCauseCode) {}
