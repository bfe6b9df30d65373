package io.irisx.workflows.call;

/**
 * Dial one party. {@code channelUuid} is chosen by the workflow (deterministically) and sent as
 * {@code origination_uuid}, so a retried originate can see the channel it already made.
 */
public record OriginateCommand(
    String callId, String channelUuid, String from, String to, int timeoutSeconds) {}
