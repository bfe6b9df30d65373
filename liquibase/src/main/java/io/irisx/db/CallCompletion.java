package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/**
 * The fields of {@code calls} written once a call has ended.
 *
 * @param metadataJson what the flow noted, as a JSON object merged into {@code metadata}; null for none
 */
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
    Integer hangupCauseCode,
    String metadataJson) {}
