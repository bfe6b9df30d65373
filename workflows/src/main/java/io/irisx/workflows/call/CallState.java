package io.irisx.workflows.call;

/**
 * The live state of a call, answered by the {@code state} query and returned by every update.
 *
 * @param flow the flow running now (a redirect or transfer changes it)
 * @param promptPlaying whether a prompt of the flow is playing now (a live play in {@code queue}
 *     mode then waits for it)
 */
public record CallState(
    String callId,
    CallStatus status,
    String nodeId,
    String channelUuid,
    String hangupCause,
    String direction,
    String flow,
    boolean answered,
    boolean ended,
    boolean promptPlaying) {}
