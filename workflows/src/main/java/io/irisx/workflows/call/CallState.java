package io.irisx.workflows.call;

/** The live state of a call, answered by the {@code state} query. */
public record CallState(
    String callId, CallStatus status, String nodeId, String channelUuid, String hangupCause) {}
