package io.irisx.workflows.activities;

import io.irisx.workflows.call.CallStatus;
import java.time.Instant;
import java.util.Map;

/**
 * The final record of a call, written once into {@code calls} when the call has ended.
 *
 * @param metadata what the call's flows noted ({@code Call.annotate}); null when nothing
 */
public record CallDetailRecord(
    String callId,
    String tenantId,
    CallStatus status,
    String nodeId,
    String channelUuid,
    Instant ringingAt,
    Instant answeredAt,
    Instant endedAt,
    long durationSeconds,
    long billSeconds,
    String hangupCause,
    Integer hangupCauseCode,
    Map<String, Object> metadata) {}
