package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/**
 * The fields of {@code calls} written once a call has ended.
 *
 * @param metadataJson what the flow noted, as a JSON object merged into {@code metadata}; null for
 *     none
 * @param sipCode the final SIP status, when the switch gave one
 * @param hungUpBy {@code caller}, {@code callee} or {@code platform}; null when unknown
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
    String metadataJson,
    Integer sipCode,
    String hungUpBy) {}
