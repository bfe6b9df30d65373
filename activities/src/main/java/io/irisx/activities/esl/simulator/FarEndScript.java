package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated far end does with an originated call: refuse it, or ring, optionally send early
 * media, answer, press digits and hang up. Register one for a number with {@link
 * EslSimulator#script(String, FarEndScript)}; unregistered numbers follow the built-in table keyed
 * by the last four digits (see {@link FarEnds}).
 *
 * @param answerAfter time from originate until the far end answers (or refuses); null means the
 *     simulator's {@code answerDelay}
 * @param earlyMedia whether the far end sends 183 with SDP (CHANNEL_PROGRESS_MEDIA) before
 *     answering
 * @param hangUpAfter time from answer until the far end hangs up (BYE, NORMAL_CLEARING); null for
 *     never
 * @param digits RFC 2833 digits the far end sends, each after its delay counted from answer
 * @param refusalCause a hangup cause name (USER_BUSY, CALL_REJECTED, UNALLOCATED_NUMBER, NO_ANSWER,
 *     ...) the far end refuses with instead of answering; NO_ANSWER rings until the originate times
 *     out
 */
public record FarEndScript(
    Duration answerAfter,
    boolean earlyMedia,
    Duration hangUpAfter,
    List<TimedDigits> digits,
    String refusalCause) {

  /** Digits sent together, {@code after} the answer. */
  public record TimedDigits(Duration after, String digits) {
    public TimedDigits {
      Objects.requireNonNull(after, "after");
      Dtmf.requireValid(digits);
    }
  }

  public FarEndScript {
    digits = List.copyOf(digits == null ? List.of() : digits);
    if (refusalCause != null && HangupCause.parse(refusalCause).isEmpty()) {
      throw new IllegalArgumentException("unknown hangup cause: " + refusalCause);
    }
  }

  /** A far end that answers after the simulator's answerDelay and does nothing else. */
  public static FarEndScript answers() {
    return new FarEndScript(null, false, null, List.of(), null);
  }

  /** A far end that answers after the given time. */
  public static FarEndScript answersAfter(Duration answerAfter) {
    return answers().withAnswerAfter(answerAfter);
  }

  /**
   * A far end that refuses with the given cause (NO_ANSWER: rings until the originate times out).
   */
  public static FarEndScript refuses(String cause) {
    return new FarEndScript(null, false, null, List.of(), Objects.requireNonNull(cause, "cause"));
  }

  public FarEndScript withAnswerAfter(Duration answerAfter) {
    return new FarEndScript(answerAfter, earlyMedia, hangUpAfter, digits, refusalCause);
  }

  public FarEndScript withEarlyMedia() {
    return new FarEndScript(answerAfter, true, hangUpAfter, digits, refusalCause);
  }

  public FarEndScript hangingUpAfter(Duration afterAnswer) {
    return new FarEndScript(answerAfter, earlyMedia, afterAnswer, digits, refusalCause);
  }

  public FarEndScript pressing(String keys, Duration afterAnswer) {
    List<TimedDigits> more = new ArrayList<>(digits);
    more.add(new TimedDigits(afterAnswer, keys));
    return new FarEndScript(answerAfter, earlyMedia, hangUpAfter, more, refusalCause);
  }

  HangupCause refusal() {
    return refusalCause == null ? null : HangupCause.parse(refusalCause).orElseThrow();
  }
}
