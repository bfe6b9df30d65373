package io.irisx.workflows.call;

import io.irisx.workflows.flow.GatherResult;
import java.util.List;

/**
 * How a call-control step ended, with the channel events it saw that the call's record needs, in
 * the order the switch sent them (the workflow folds them in as it folds signalled events).
 *
 * @param detail what failed, for the timeline (e.g. the switch's {@code FILE NOT FOUND})
 * @param digits for a gather: what the caller typed
 * @param ending for a gather: why it stopped collecting
 */
public record StepResult(
    Outcome outcome,
    String detail,
    String digits,
    GatherResult.Ending ending,
    List<ChannelEvent> events) {

  public enum Outcome {
    /** The step did what it was asked (answered, played, gathered, hung up). */
    DONE,
    /** The call did not come up or the command was refused; see the events and detail. */
    FAILED,
    /** The prompt could not be played (missing file, unsupported format): the call goes on. */
    MEDIA_FAILED,
    /** The channel ended during the step; its hangup is among the events. */
    HUNG_UP,
    /** The channel is gone and its hangup was never seen (e.g. it ended while no one listened). */
    GONE
  }

  public StepResult {
    events = events == null ? List.of() : List.copyOf(events);
  }

  public static StepResult of(Outcome outcome, String detail, List<ChannelEvent> events) {
    return new StepResult(outcome, detail, null, null, events);
  }
}
