package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.ChannelEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What the workflow knows about the second leg of a {@code dial}, folded from that leg's events.
 * The leg carries the call's {@code irisx_call_id}, so its events reach this call's workflow; they
 * are told apart from the call's own channel by the leg's uuid. Plain deterministic state.
 */
final class DialLeg {
  private final String uuid;
  private final Set<String> seenEvents = new HashSet<>();
  private Instant answeredAt;
  private Instant endedAt;
  private String hangupCause;
  private String hangupDisposition;
  private boolean ended;

  DialLeg(String uuid) {
    this.uuid = uuid;
  }

  String uuid() {
    return uuid;
  }

  void apply(ChannelEvent event) {
    if (ended || !seenEvents.add(event.coreUuid() + "/" + event.sequence())) {
      return;
    }
    Instant at = Instant.EPOCH.plusNanos(event.timestampMicros() * 1_000L);
    switch (event.type()) {
      case ChannelEvent.CHANNEL_ANSWER -> {
        if (answeredAt == null) {
          answeredAt = at;
        }
      }
      case ChannelEvent.CHANNEL_HANGUP, ChannelEvent.CHANNEL_HANGUP_COMPLETE -> {
        if (hangupDisposition == null) {
          hangupDisposition = event.hangupDisposition();
        }
        end(event.hangupCause(), at);
      }
      // A failed originate: the leg never existed, so no hangup follows (e.g. -ERR
      // NO_ROUTE_DESTINATION).
      case ChannelEvent.BACKGROUND_JOB -> {
        String result = event.jobResult();
        if (result != null && result.startsWith("-ERR")) {
          String cause = result.substring(4).trim();
          end(cause.isEmpty() ? null : cause, at);
        }
      }
      default -> {
        // progress, playback and DTMF of the other party do not change the dial's outcome
      }
    }
  }

  /** The originate could not be sent, or the switch says the leg is gone without its hangup. */
  void lost(String cause, Instant at) {
    end(cause, at);
  }

  private void end(String cause, Instant at) {
    if (hangupCause == null) {
      hangupCause = cause;
    }
    if (!ended) {
      ended = true;
      endedAt = at;
    }
  }

  boolean answered() {
    return answeredAt != null;
  }

  boolean ended() {
    return ended;
  }

  Instant endedAt() {
    return endedAt;
  }

  String hangupCause() {
    return hangupCause;
  }

  /**
   * The switch sent the leg's BYE (or refusal) itself ({@code sip_hangup_disposition send_*}): the
   * other party did not hang up; the switch ended the leg, as it does when the caller hangs up.
   */
  boolean endedByTheSwitch() {
    return hangupDisposition != null && hangupDisposition.startsWith("send_");
  }
}
