package io.irisx.workflows.call;

import java.time.Instant;

/**
 * The {@code calls} row of an outbound call as its workflow's own request describes it, written
 * again when the database lost it (its last commits, after a failover): the workflow is the source
 * of truth for a call in flight.
 */
public record OutboundCallRestore(
    String callId, String tenantId, String from, String to, String flow, Instant queuedAt) {}
