package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallCommands;
import io.irisx.workflows.call.CallState;
import io.irisx.workflows.call.HangupCause;
import io.irisx.workflows.flow.CallFlows;
import io.temporal.workflow.Workflow;

/**
 * Live control of a call from the API, each command a Temporal Update: hangup, play, send digits,
 * redirect. A validator refuses what the call's state cannot take, before the update is accepted.
 */
public final class LiveControl {
  /** Live plays queue behind the flow's prompt or cut it, and the flow waits for them. */
  static final String LIVE_PLAY_MODES_CHANGE = "live-play-modes";

  private final CallFlows flows;
  private final CallSession session;
  private final CallTimeline timeline;
  private final HangupVerb hangup;

  LiveControl(CallFlows flows, CallSession session, CallTimeline timeline, HangupVerb hangup) {
    this.flows = flows;
    this.session = session;
    this.timeline = timeline;
    this.hangup = hangup;
  }

  public void validateHangup(CallCommands.Hangup command) {
    requireNotEnded();
    if (command.cause() != null && !HangupCause.isName(command.cause())) {
      throw new IllegalArgumentException("not a Q.850 cause name: " + command.cause());
    }
  }

  public CallState hangup(CallCommands.Hangup command) {
    String cause = command.cause() == null ? HangupCause.NORMAL_CLEARING.name() : command.cause();
    ChannelTracker channel = session.channel();
    // Between the start and the originate there is no channel to hang up yet; it comes at once.
    Workflow.await(() -> session.channelUuid() != null || channel.ended());
    if (!channel.ended()) {
      timeline.step("call.hangup-requested", cause);
      if (!channel.answered() && !session.inbound()) {
        // The platform's client called it off before the far end answered.
        channel.cancelRequested();
      }
      hangup.hangUp(cause);
    }
    return session.state();
  }

  public void validatePlay(CallCommands.Play command) {
    requireAnsweredAndUp();
    if (command.media() == null || command.media().isBlank()) {
      throw new IllegalArgumentException("nothing to play");
    }
    if (!CallCommands.Play.INTERRUPT.equals(command.mode())
        && !CallCommands.Play.QUEUE.equals(command.mode())) {
      throw new IllegalArgumentException("mode must be interrupt or queue");
    }
  }

  /**
   * The switch queues a broadcast behind the prompt playing: {@code queue} leaves it there (the
   * answer's promptPlaying says it waits), {@code interrupt} cuts the prompt first. Either way the
   * flow's prompt step then waits for the live media to end.
   */
  public CallState play(CallCommands.Play command) {
    CallState before = session.state();
    int version = Workflow.getVersion(LIVE_PLAY_MODES_CHANGE, Workflow.DEFAULT_VERSION, 1);
    if (version == 1
        && session.promptPlaying()
        && CallCommands.Play.INTERRUPT.equals(command.mode())) {
      session.control().stopPrompt(session.channelUuid());
    }
    if (version == 1) {
      session.livePlays().started(command.media(), session.channel());
    }
    session.control().play(session.channelUuid(), command.media());
    return before;
  }

  public void validateSendDigits(CallCommands.SendDigits command) {
    requireAnsweredAndUp();
    if (command.digits() == null || !command.digits().matches("[0-9A-Da-d*#wW]{1,64}")) {
      throw new IllegalArgumentException("digits must be 1..64 of 0-9 A-D * # w W");
    }
  }

  public CallState sendDigits(CallCommands.SendDigits command) {
    session.control().sendDigits(session.channelUuid(), command.digits());
    return session.state();
  }

  public void validateRedirect(CallCommands.Redirect command) {
    requireNotEnded();
    if (!flows.contains(command.flow())) {
      throw new IllegalArgumentException("unknown flow: " + command.flow());
    }
  }

  /** The running flow stops at its next step, or at once if it is waiting. */
  public CallState redirect(CallCommands.Redirect command) {
    session.redirect(command);
    return session.state();
  }

  private void requireNotEnded() {
    if (session.channel().ended()) {
      throw new IllegalStateException("the call has ended");
    }
  }

  private void requireAnsweredAndUp() {
    requireNotEnded();
    if (!session.channel().answered()) {
      throw new IllegalStateException("the call is not answered yet");
    }
  }
}
