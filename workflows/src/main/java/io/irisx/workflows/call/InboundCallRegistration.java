package io.irisx.workflows.call;

import java.time.Instant;

/**
 * The first row of an inbound call: who called which of the tenant's numbers, on which channel.
 * {@code from} is E.164 (or {@code anonymous}); {@code fromRaw} is what the network sent.
 */
public record InboundCallRegistration(
    String callId,
    String tenantId,
    String from,
    String to,
    String flow,
    String phoneNumberId,
    String nodeId,
    String channelUuid,
    Instant arrivedAt,
    String fromRaw) {}
