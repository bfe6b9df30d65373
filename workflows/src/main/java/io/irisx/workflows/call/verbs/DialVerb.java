package io.irisx.workflows.call.verbs;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.ChannelEvent;
import io.irisx.workflows.call.ChannelSnapshot;
import io.irisx.workflows.call.DialActivities;
import io.irisx.workflows.call.HangupCause;
import io.irisx.workflows.call.OriginateCommand;
import io.irisx.workflows.flow.CallerHungUpException;
import io.irisx.workflows.flow.Dial;
import io.irisx.workflows.flow.DialResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code Call.dial}: originates a second leg on the call's node, parked ({@code &park()}) like the
 * call's own channel and tagged with the same {@code irisx_call_id} so its events reach this
 * workflow, waits for it to answer, bridges it to the call with {@code uuid_bridge}, and waits for
 * either side to hang up. The call's own channel is {@code park_after_bridge}, so when the other
 * party hangs up the call goes on with its flow; when the caller hangs up, the switch hangs up the
 * other leg (a bridge's partner hangs up with the cause) and the flow gets {@link
 * CallerHungUpException}.
 */
final class DialVerb {
  /** Dials after this change; none before it existed, so no older history reaches it. */
  static final String DIAL_CHANGE = "call-dial";

  /** Since this change a bridge the switch ended waits to hear whether the caller hung up. */
  static final String BRIDGE_END_CHANGE = "dial-bridge-end-cause";

  /** How long past the ring timeout the switch may take to report the leg's end. */
  private static final Duration RING_MARGIN = Duration.ofSeconds(10);

  private static final String NORMAL_CLEARING = HangupCause.NORMAL_CLEARING.name();
  private static final String NO_ANSWER = "NO_ANSWER";
  private static final String ORIGINATOR_CANCEL = "ORIGINATOR_CANCEL";

  private final CallSession session;
  private final CallTimeline timeline;
  private final CallDetails details;
  private final ChannelWait wait;
  private final AnswerVerb answer;
  private final Map<String, DialLeg> legs = new HashMap<>();
  private DialActivities dialing;
  private int dials;

  DialVerb(
      CallSession session,
      CallTimeline timeline,
      CallDetails details,
      ChannelWait wait,
      AnswerVerb answer) {
    this.session = session;
    this.timeline = timeline;
    this.details = details;
    this.wait = wait;
    this.answer = answer;
  }

  /** Routes a second leg's event to its leg; false for the call's own channel's events. */
  boolean apply(ChannelEvent event) {
    DialLeg leg = event.channelUuid() == null ? null : legs.get(event.channelUuid());
    if (leg == null) {
      return false;
    }
    leg.apply(event);
    return true;
  }

  DialResult dial(Dial dial) {
    answer.answer();
    Workflow.getVersion(DIAL_CHANGE, Workflow.DEFAULT_VERSION, 1);
    DialLeg leg = new DialLeg(Workflow.randomUUID().toString());
    legs.put(leg.uuid(), leg);
    int number = ++dials;
    String callerId = dial.callerId() == null ? session.request().from() : dial.callerId();
    timeline.step("call.dial-started", "dial " + number + " to " + dial.to());
    try {
      session
          .control()
          .originate(
              new OriginateCommand(
                  session.request().callId(),
                  leg.uuid(),
                  callerId,
                  dial.to(),
                  (int) dial.ringTimeout().toSeconds()));
    } catch (ActivityFailure failure) {
      leg.lost(null, CallSession.now());
    }
    long ringDeadline =
        Workflow.currentTimeMillis() + dial.ringTimeout().plus(RING_MARGIN).toMillis();
    awaitLeg(leg, () -> leg.answered() || leg.ended(), ringDeadline);
    if (session.channel().ended() || session.redirectWaiting()) {
      dropLeg(leg, ORIGINATOR_CANCEL);
      session.requireUpAndNotRedirected();
    }
    if (!leg.ended()) {
      bridge(leg);
    }
    if (leg.ended()) {
      DialResult unanswered =
          new DialResult(unansweredOutcome(leg.hangupCause()), leg.hangupCause(), Duration.ZERO);
      finish(number, dial, unanswered);
      session.requireUpAndNotRedirected();
      return unanswered;
    }
    Instant bridgedAt = CallSession.now();
    timeline.step("call.dial-bridged", "dial " + number);
    awaitLeg(leg, leg::ended, Long.MAX_VALUE);
    // Both ends on the workflow's clock: the switch's event times and the workflow's may differ.
    Instant endedAt = CallSession.now();
    if (leg.ended()
        && leg.endedByTheSwitch()
        && !session.channel().ended()
        && Workflow.getVersion(BRIDGE_END_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      // Nobody here asked for it, so the caller hung up and the switch ended the bridged leg; the
      // caller's own hangup comes as another channel's events, which may arrive a moment later.
      awaitCallerAfterBridge();
    }
    if (!leg.ended() && !session.channel().ended()) {
      // A redirect takes the call elsewhere: the other party is not taken along.
      dropLeg(leg, NORMAL_CLEARING);
    }
    Duration talk = Duration.between(bridgedAt, endedAt.isBefore(bridgedAt) ? bridgedAt : endedAt);
    DialResult result =
        new DialResult(
            DialResult.Outcome.BRIDGED, leg.hangupCause(), Duration.ofSeconds(talk.toSeconds()));
    finish(number, dial, result);
    session.requireUpAndNotRedirected();
    return result;
  }

  /**
   * Until the caller's channel ends, or a quiet watchdog period and the switch say it is still up.
   */
  private void awaitCallerAfterBridge() {
    if (!Workflow.await(
        Duration.ofSeconds(session.request().watchdogSeconds()), session.channel()::ended)) {
      wait.checkChannelStillThere();
    }
  }

  private void bridge(DialLeg leg) {
    try {
      dialing().bridge(session.channelUuid(), leg.uuid());
    } catch (ActivityFailure failure) {
      // The switch refused to join them: the other party must not be left on the line alone.
      dropLeg(leg, HangupCause.NORMAL_TEMPORARY_FAILURE.name());
      leg.lost(HangupCause.NORMAL_TEMPORARY_FAILURE.name(), CallSession.now());
    }
  }

  /**
   * The dial's result in the timeline and in the CDR's metadata (the last dial's, under dial.*).
   */
  private DialResult finish(int number, Dial dial, DialResult result) {
    timeline.step(
        "call.dial-ended",
        "dial "
            + number
            + " "
            + result.outcome().wireName()
            + (result.hangupCause() == null ? "" : " " + result.hangupCause())
            + ", talk "
            + result.talkTime().toSeconds()
            + " s");
    details.annotate("dial.to", dial.to());
    details.annotate("dial.outcome", result.outcome().wireName());
    details.annotate("dial.talkSeconds", result.talkTime().toSeconds());
    if (result.hangupCause() != null) {
      details.annotate("dial.hangupCause", result.hangupCause());
    }
    return result;
  }

  /**
   * Waits for {@code done}, the call's end or a redirect. A quiet watchdog period asks the switch
   * about the leg and the call, so lost events cannot hold the call for ever; past {@code deadline}
   * an unanswered leg is given up as no-answer.
   */
  private void awaitLeg(DialLeg leg, BooleanSupplier done, long deadline) {
    Duration watchdog = Duration.ofSeconds(session.request().watchdogSeconds());
    while (!done.getAsBoolean() && !session.channel().ended() && !session.redirectWaiting()) {
      timeline.flush();
      boolean woken =
          Workflow.await(
              watchdog,
              () -> done.getAsBoolean() || session.channel().ended() || session.redirectWaiting());
      if (woken) {
        continue;
      }
      ChannelSnapshot other = session.control().inspect(leg.uuid());
      if (!other.exists()) {
        leg.lost(leg.answered() ? NORMAL_CLEARING : NO_ANSWER, CallSession.now());
      } else if (!leg.answered() && Workflow.currentTimeMillis() > deadline) {
        dropLeg(leg, NO_ANSWER);
        leg.lost(NO_ANSWER, CallSession.now());
      }
      wait.checkChannelStillThere();
    }
    timeline.flush();
  }

  private void dropLeg(DialLeg leg, String cause) {
    if (!leg.ended()) {
      session.control().hangup(leg.uuid(), cause);
    }
  }

  private static DialResult.Outcome unansweredOutcome(String cause) {
    if (cause == null) {
      return DialResult.Outcome.FAILED;
    }
    return switch (cause) {
      case "USER_BUSY", "CALL_REJECTED" -> DialResult.Outcome.BUSY;
      case "NO_ANSWER",
          "NO_USER_RESPONSE",
          "ORIGINATOR_CANCEL",
          "ALLOTTED_TIMEOUT",
          "PROGRESS_TIMEOUT" ->
          DialResult.Outcome.NO_ANSWER;
      default -> DialResult.Outcome.FAILED;
    };
  }

  private DialActivities dialing() {
    if (dialing == null) {
      dialing =
          Workflow.newActivityStub(
              DialActivities.class,
              ActivityOptions.newBuilder().setTaskQueue(TaskQueues.node(session.nodeId())).build());
    }
    return dialing;
  }
}
