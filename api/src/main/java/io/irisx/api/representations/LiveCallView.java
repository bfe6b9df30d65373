package io.irisx.api.representations;

import io.irisx.workflows.call.CallCommands;
import io.irisx.workflows.call.CallState;
import org.jspecify.annotations.Nullable;

/**
 * A call as its workflow sees it right now: the answer to a control command and {@code live} in a
 * call.
 */
public record LiveCallView(
    @Nullable String status,
    String flow,
    boolean answered,
    boolean ended,
    @Nullable String nodeId,
    @Nullable String hangupCause,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @com.fasterxml.jackson.annotation.JsonPropertyDescription(
            "only in the answer to /play: 'interrupt' or 'queue'")
        @Nullable String playMode,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @com.fasterxml.jackson.annotation.JsonPropertyDescription(
            "only in the answer to /play: true when the media waits for the flow's prompt playing"
                + " now (mode queue), false when it plays at once")
        @Nullable Boolean queued) {

  public static LiveCallView of(CallState state) {
    return new LiveCallView(
        state.status() == null ? null : state.status().wireName(),
        state.flow(),
        state.answered(),
        state.ended(),
        state.nodeId(),
        state.hangupCause(),
        null,
        null);
  }

  /** The answer to a live play: what the call did with it. */
  public static LiveCallView ofPlay(CallState before, String mode) {
    LiveCallView view = of(before);
    boolean queued = CallCommands.Play.QUEUE.equals(mode) && before.promptPlaying();
    return new LiveCallView(
        view.status(),
        view.flow(),
        view.answered(),
        view.ended(),
        view.nodeId(),
        view.hangupCause(),
        mode,
        queued);
  }
}
