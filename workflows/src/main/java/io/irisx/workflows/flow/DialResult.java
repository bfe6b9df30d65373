package io.irisx.workflows.flow;

import java.time.Duration;

/**
 * How a {@link Call#dial} ended. When it returns, this call is still up (parked): the other party
 * hung up, never answered, or could not be reached, and the flow decides what comes next.
 *
 * @param outcome what became of the other party
 * @param hangupCause the other leg's Q.850 cause name (e.g. {@code USER_BUSY}); null if unknown
 * @param talkTime how long the two parties were bridged; zero unless {@code BRIDGED}
 */
public record DialResult(Outcome outcome, String hangupCause, Duration talkTime) {

  public enum Outcome {
    /** The other party answered and was bridged to this call until one side hung up. */
    BRIDGED,
    /** The other party was busy (or declined: USER_BUSY, CALL_REJECTED). */
    BUSY,
    /** Nobody answered within the ring timeout. */
    NO_ANSWER,
    /** The number could not be reached (bad number, no route, the switch refused the dial). */
    FAILED;

    /** The outcome's name in the CDR's metadata and the timeline: {@code no-answer}, ... */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public boolean bridged() {
    return outcome == Outcome.BRIDGED;
  }
}
