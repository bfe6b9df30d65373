package io.irisx.testkit;

import io.irisx.activities.esl.simulator.FarEndScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The scripted far end of a test call: whether and when it answers, which keys it presses and when
 * it hangs up. Times count from the answer, or from a prompt starting or ending (the {@code
 * occurrence}-th time that prompt is played, from 1), all on the test's virtual clock.
 *
 * <pre>{@code
 * Caller.answeringAfter(Duration.ofSeconds(3))
 *     .pressingDuring("ivr/menu.wav", 1, "2", Duration.ofSeconds(4))   // cuts the menu short
 *     .hangingUpAfter(Duration.ofSeconds(90));
 * }</pre>
 *
 * @param answerAfter from the originate until the answer (or the refusal)
 * @param refusal a hangup cause the far end refuses with instead of answering, or null
 */
public record Caller(
    Duration answerAfter,
    @Nullable String refusal,
    @Nullable Duration hangUpAfter,
    List<Press> presses,
    List<Cue> cues) {

  /** Keys pressed a fixed time after the answer. */
  public record Press(Duration afterAnswer, String digits) {}

  /**
   * Something the caller does {@code delay} after the {@code occurrence}-th playing of {@code
   * prompt} starts (or ends, when {@code afterEnd}): press {@code digits}, or hang up when {@code
   * digits} is null.
   */
  public record Cue(
      String prompt, int occurrence, boolean afterEnd, Duration delay, @Nullable String digits) {
    public Cue {
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(delay, "delay");
      if (occurrence < 1) {
        throw new IllegalArgumentException("occurrences count from 1: " + occurrence);
      }
    }
  }

  public static final Duration DEFAULT_RING = Duration.ofSeconds(2);

  public Caller {
    Objects.requireNonNull(answerAfter, "answerAfter");
    presses = List.copyOf(presses);
    cues = List.copyOf(cues);
  }

  /** Answers after two seconds of ringing. */
  public static Caller answering() {
    return answeringAfter(DEFAULT_RING);
  }

  public static Caller answeringAfter(Duration ringing) {
    return new Caller(ringing, null, null, List.of(), List.of());
  }

  /** Busy (486, USER_BUSY) at once. */
  public static Caller busy() {
    return rejecting("USER_BUSY");
  }

  /** Rings until the call's ring timeout, then NO_ANSWER. */
  public static Caller notAnswering() {
    return rejecting("NO_ANSWER");
  }

  /** Refuses with a hangup cause, e.g. CALL_REJECTED. */
  public static Caller rejecting(String cause) {
    return new Caller(
        Duration.ZERO, Objects.requireNonNull(cause, "cause"), null, List.of(), List.of());
  }

  public Caller pressing(String digits, Duration afterAnswer) {
    List<Press> more = new ArrayList<>(presses);
    more.add(new Press(afterAnswer, digits));
    return new Caller(answerAfter, refusal, hangUpAfter, more, cues);
  }

  /** Presses {@code digits} {@code into} the first playing of {@code prompt}. */
  public Caller pressingDuring(String prompt, String digits, Duration into) {
    return pressingDuring(prompt, 1, digits, into);
  }

  public Caller pressingDuring(String prompt, int occurrence, String digits, Duration into) {
    return cue(new Cue(prompt, occurrence, false, into, Objects.requireNonNull(digits, "digits")));
  }

  /**
   * Presses {@code digits} {@code after} the {@code occurrence}-th playing of {@code prompt} ended.
   */
  public Caller pressingAfter(String prompt, int occurrence, String digits, Duration after) {
    return cue(new Cue(prompt, occurrence, true, after, Objects.requireNonNull(digits, "digits")));
  }

  public Caller hangingUpAfter(Duration afterAnswer) {
    return new Caller(answerAfter, refusal, afterAnswer, presses, cues);
  }

  public Caller hangingUpDuring(String prompt, int occurrence, Duration into) {
    return cue(new Cue(prompt, occurrence, false, into, null));
  }

  /**
   * Hangs up {@code after} the {@code occurrence}-th playing of {@code prompt} ended (e.g.
   * mid-recording, after the beep).
   */
  public Caller hangingUpAfter(String prompt, int occurrence, Duration after) {
    return cue(new Cue(prompt, occurrence, true, after, null));
  }

  private Caller cue(Cue cue) {
    List<Cue> more = new ArrayList<>(cues);
    more.add(cue);
    return new Caller(answerAfter, refusal, hangUpAfter, presses, more);
  }

  /** What the simulator's far end does by itself; the cues are the kit's to play. */
  FarEndScript farEnd() {
    if (refusal != null) {
      return FarEndScript.refuses(refusal).withAnswerAfter(answerAfter);
    }
    FarEndScript script = FarEndScript.answersAfter(answerAfter);
    for (Press press : presses) {
      script = script.pressing(press.digits(), press.afterAnswer());
    }
    return hangUpAfter == null ? script : script.hangingUpAfter(hangUpAfter);
  }
}
