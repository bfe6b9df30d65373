package io.irisx.api.representations;

import io.irisx.workflows.call.CallState;

/**
 * A call as its workflow sees it right now: the answer to a control command and {@code live} in a
 * call.
 */
public record LiveCallView(
    String status,
    String flow,
    boolean answered,
    boolean ended,
    String nodeId,
    String hangupCause) {

  public static LiveCallView of(CallState state) {
    return new LiveCallView(
        state.status() == null ? null : state.status().wireName(),
        state.flow(),
        state.answered(),
        state.ended(),
        state.nodeId(),
        state.hangupCause());
  }
}
