package io.irisx.workflows.call;

import java.time.Instant;
import java.util.Map;

/**
 * The final record of a call, written once into {@code calls} when the call has ended.
 *
 * @param metadata what the call's flows noted ({@code Call.annotate}); null when nothing
 * @param sipCode the final SIP status ({@code variable_sip_term_status}) when the switch gave one
 * @param hungUpBy who ended the call: {@code caller}, {@code callee} or {@code platform}; null when
 *     nothing tells
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
    Map<String, Object> metadata,
    Integer sipCode,
    String hungUpBy) {}
