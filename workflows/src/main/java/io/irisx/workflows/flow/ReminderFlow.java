package io.irisx.workflows.flow;

import java.time.Duration;

/**
 * An appointment reminder: plays the reminder, then asks the callee to press 1 to confirm or 2 to
 * cancel, up to three times. The answer lands in the CDR's metadata as {@code reminder}: {@code
 * confirmed}, {@code canceled} or {@code no-response}.
 *
 * <p>Params: {@code message} (the reminder itself, a sound file or tone stream; default a generic
 * greeting), {@code menu} (the "press 1 or 2" prompt), {@code thanks} (played after an answer).
 */
public final class ReminderFlow implements CallFlow {
  public static final String NAME = "reminder";
  public static final String RESULT = "reminder";
  static final String DEFAULT_MESSAGE = "ivr/ivr-welcome.wav";
  static final String DEFAULT_MENU = "ivr/ivr-please_choose_from_the_following.wav";
  static final String DEFAULT_THANKS = "ivr/ivr-thank_you.wav";

  /** What {@code params} may hold; the API refuses anything else. */
  public static final FlowParameters PARAMETERS =
      FlowParameters.of(
          FlowParameter.media("message", "the reminder itself; default a generic greeting"),
          FlowParameter.media("menu", "the press 1 or 2 prompt"),
          FlowParameter.media("thanks", "played after an answer"));

  @Override
  public void run(Call call) {
    call.answer();
    call.annotate(RESULT, "no-response");
    call.play(FlowParams.text(call, "message", DEFAULT_MESSAGE));
    GatherResult choice =
        call.gather(
            Gather.digits(1)
                .prompt(FlowParams.text(call, "menu", DEFAULT_MENU))
                .accepting("[12]")
                .timeouts(Duration.ofSeconds(6), Duration.ofSeconds(3))
                .attempts(3));
    if (choice.answered()) {
      call.annotate(RESULT, choice.digits().equals("1") ? "confirmed" : "canceled");
      call.play(FlowParams.text(call, "thanks", DEFAULT_THANKS));
    }
    call.hangup();
  }
}
