package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/** A call that arrived from the network on one of a tenant's numbers, as first written. */
public record InboundCallRow(
    UUID id,
    UUID tenantId,
    String from,
    String to,
    String flow,
    UUID phoneNumberId,
    String nodeId,
    String channelUuid,
    String workflowId,
    Instant arrivedAt,
    String fromRaw) {}
