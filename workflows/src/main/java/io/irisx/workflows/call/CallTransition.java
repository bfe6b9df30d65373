package io.irisx.workflows.call;

import java.time.Instant;

/**
 * One step in a call's timeline: a status change or an event worth keeping. {@code sequence} is the
 * step's number within the call, assigned by the workflow, so a retried write is a no-op.
 */
public record CallTransition(
    String callId,
    String tenantId,
    int sequence,
    String eventType,
    CallStatus status,
    Instant occurredAt,
    String nodeId,
    String channelUuid,
    String detail) {}
