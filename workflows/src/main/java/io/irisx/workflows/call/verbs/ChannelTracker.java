package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.ChannelEvent;
import io.irisx.workflows.call.HangupCause;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;

/**
 * What the workflow knows about its channel, folded from the switch's events in arrival order.
 * Plain deterministic state: no Temporal calls, so it is easy to test on its own. Every change
 * worth keeping in the call's timeline is queued as a {@link Step} for the workflow to record.
 */
final class ChannelTracker {
  /** A change of the call worth a {@code call_logs} entry. */
  record Step(String eventType, CallStatus status, Instant occurredAt, String detail) {}

  /** A RECORD_STOP the switch sent for one file. */
  record RecordStop(String completionCause, Long millis, boolean closedByHangup) {}

  private final Set<String> seenEvents = new HashSet<>();
  private final java.util.Map<String, RecordStop> stoppedRecordings = new java.util.HashMap<>();
  private final Playbacks playbacks = new Playbacks();
  private final Queue<Step> pendingSteps = new ArrayDeque<>();
  private final Queue<String> typedDigits = new ArrayDeque<>();

  private CallStatus status = CallStatus.QUEUED;
  private Instant ringingAt;
  private Instant answeredAt;
  private Instant endedAt;
  private String hangupCause;
  private String requestedHangupCause;
  private boolean ended;
  private boolean canceled;
  private boolean lost;
  private boolean flowFailed;
  private final HangupSide hangupSide = new HangupSide();

  /**
   * Folds one event in; duplicates (same switch, same sequence, e.g. after a reconnect) are
   * dropped.
   */
  void apply(ChannelEvent event) {
    if (!seenEvents.add(event.coreUuid() + "/" + event.sequence())) {
      return;
    }
    if (ended) {
      // A ring timeout's CHANNEL_HANGUP_COMPLETE comes after the job's -ERR that ended the call,
      // and only it says that the switch sent the CANCEL.
      if (event.is(ChannelEvent.CHANNEL_HANGUP_COMPLETE)) {
        hangupSide.note(event);
      }
      return;
    }
    Instant at = Instant.EPOCH.plusNanos(event.timestampMicros() * 1_000L);
    switch (event.type()) {
      case ChannelEvent.CHANNEL_PROGRESS, ChannelEvent.CHANNEL_PROGRESS_MEDIA -> {
        if (status == CallStatus.QUEUED) {
          ringingAt = at;
          moveTo(CallStatus.RINGING, "call.ringing", at, event.type());
        }
      }
      case ChannelEvent.CHANNEL_ANSWER -> {
        if (answeredAt == null) {
          answeredAt = at;
          if (ringingAt == null) {
            ringingAt = at;
          }
          moveTo(CallStatus.IN_PROGRESS, "call.answered", at, null);
        }
      }
      case ChannelEvent.CHANNEL_HANGUP -> {
        hangupCause = event.hangupCause();
        endedAt = at;
        hangupSide.note(event);
        pendingSteps.add(new Step("call.hangup", status, at, describeHangup(event)));
      }
      case ChannelEvent.CHANNEL_HANGUP_COMPLETE -> {
        if (hangupCause == null) {
          hangupCause = event.hangupCause();
        }
        hangupSide.note(event);
        end(endedAt == null ? at : endedAt);
      }
      case ChannelEvent.PLAYBACK_STOP -> {
        if (event.playbackPath() != null) {
          playbacks.finished(event.playbackPath());
        }
      }
      case ChannelEvent.RECORD_STOP -> {
        if (event.recordFilePath() != null) {
          stoppedRecordings.put(
              event.recordFilePath(),
              new RecordStop(
                  event.recordCompletionCause(),
                  event.recordMillis(),
                  // the switch closed the file at the hangup (capture 21): Answer-State hangup
                  "hangup".equals(event.answerState())));
        }
      }
      case ChannelEvent.BACKGROUND_JOB -> applyJobResult(event.jobResult(), at);
      case ChannelEvent.DTMF -> {
        if (event.dtmfDigit() != null && !event.dtmfDigit().isEmpty()) {
          typedDigits.add(event.dtmfDigit());
        }
      }
      default -> {
        // Other events (EXECUTE, BRIDGE, ...) are not needed by the flows shipped so far.
      }
    }
  }

  /**
   * The originate job's result. Success says nothing about the call (FreeSWITCH reports success on
   * early media); a failure ends the call at once, because a leg that never existed sends no
   * hangup.
   */
  private void applyJobResult(String result, Instant at) {
    if (result == null || !result.startsWith("-ERR")) {
      return;
    }
    String cause = result.substring(4).trim();
    if (hangupCause == null) {
      hangupCause = cause.isEmpty() ? null : cause;
    }
    pendingSteps.add(new Step("call.originate-failed", status, at, result.trim()));
    end(endedAt == null ? at : endedAt);
  }

  /** An inbound call: its channel is parked and ringing when the workflow takes it over. */
  void arrived(Instant at) {
    ringingAt = at;
    moveTo(CallStatus.RINGING, "call.ringing", at, "inbound");
  }

  /** The switch says the channel is answered, and its CHANNEL_ANSWER never reached us. */
  void answeredUnseen(Instant at) {
    if (answeredAt == null && !ended) {
      answeredAt = at;
      moveTo(CallStatus.IN_PROGRESS, "call.answered", at, "seen by inspection");
    }
  }

  /** The platform asked the switch to hang up; the cause to report if the hangup event is lost. */
  void hangupRequested(String cause) {
    requestedHangupCause = cause;
  }

  /** The platform's client hung the call up before it was answered: it ends canceled. */
  void cancelRequested() {
    canceled = true;
  }

  /** The flow failed for good: the call ends failed, whatever the hangup says. */
  void flowFailed() {
    flowFailed = true;
  }

  /** The switch says the channel is gone, and its hangup events never reached us. */
  void channelLost(Instant at) {
    if (ended) {
      return;
    }
    // What the README promises for a call the platform lost sight of.
    hangupCause =
        requestedHangupCause == null
            ? HangupCause.NORMAL_TEMPORARY_FAILURE.name()
            : requestedHangupCause;
    lost = true;
    pendingSteps.add(
        new Step("call.channel-lost", status, at, "the channel vanished without a hangup event"));
    end(at);
  }

  /** The originate could not even be sent: the call ends without a channel. */
  void originateRefused(Instant at, String cause, String detail) {
    hangupCause = cause;
    pendingSteps.add(new Step("call.originate-failed", status, at, detail));
    end(at);
  }

  /** A playback that finished while its event was lost counts as finished. */
  void playbackFinished(String media) {
    playbacks.finished(media);
  }

  private void end(Instant at) {
    endedAt = at;
    ended = true;
    CallStatus finalStatus = HangupCause.finalStatus(hangupCause, answeredAt != null);
    if (flowFailed) {
      finalStatus = CallStatus.FAILED;
    } else if (canceled && answeredAt == null) {
      finalStatus = CallStatus.CANCELED;
    }
    moveTo(finalStatus, "call." + finalStatus.wireName(), at, hangupCause);
  }

  private void moveTo(CallStatus next, String eventType, Instant at, String detail) {
    status = next;
    pendingSteps.add(new Step(eventType, next, at, detail));
  }

  private static String describeHangup(ChannelEvent event) {
    return event.sipTermStatus() == null
        ? event.hangupCause()
        : event.hangupCause() + " (SIP " + event.sipTermStatus() + ")";
  }

  /** The RECORD_STOP of this file, or null while the switch is still writing it. */
  RecordStop recordStop(String path) {
    return stoppedRecordings.get(path);
  }

  /** The final SIP status of the call ({@code variable_sip_term_status}), when there was one. */
  Integer sipCode() {
    return hangupSide.sipCode();
  }

  /** Who ended the call (see {@link HangupSide#hungUpBy}). */
  String hungUpBy(boolean inbound) {
    return hangupSide.hungUpBy(
        inbound,
        lost,
        requestedHangupCause != null,
        hangupCause != null && endedAt != null && ended);
  }

  /** The oldest digit the caller typed that no gather has taken yet, or null. */
  String takeDigit() {
    return typedDigits.poll();
  }

  boolean hasTypedDigit() {
    return !typedDigits.isEmpty();
  }

  /** Forgets digits typed before a gather began, so a stale key is not read as its answer. */
  void forgetTypedDigits() {
    typedDigits.clear();
  }

  Step nextPendingStep() {
    return pendingSteps.poll();
  }

  boolean hasPendingSteps() {
    return !pendingSteps.isEmpty();
  }

  /** How many playbacks of this media have finished (see {@link Playbacks#finishedOf}). */
  int finishedPlaybacks(String media) {
    return playbacks.finishedOf(media);
  }

  CallStatus status() {
    return status;
  }

  boolean answered() {
    return answeredAt != null;
  }

  boolean ended() {
    return ended;
  }

  Instant ringingAt() {
    return ringingAt;
  }

  Instant answeredAt() {
    return answeredAt;
  }

  Instant endedAt() {
    return endedAt;
  }

  String hangupCause() {
    return hangupCause;
  }
}
