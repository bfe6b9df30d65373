package io.irisx.workflows.activities;

import java.time.Instant;

/** The first row of an inbound call: who called which of the tenant's numbers, on which channel. */
public record InboundCallRegistration(
    String callId,
    String tenantId,
    String from,
    String to,
    String flow,
    String phoneNumberId,
    String nodeId,
    String channelUuid,
    Instant arrivedAt) {}
