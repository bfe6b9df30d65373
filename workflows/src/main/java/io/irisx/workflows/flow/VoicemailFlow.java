package io.irisx.workflows.flow;

import java.time.Duration;

/**
 * Voicemail: a greeting, a beep, then the caller's message is recorded until they stop talking,
 * press {@code #}, hang up, or reach the maximum length; a thank-you, then the call ends. The
 * message becomes a {@code recordings} row (its upload to S3 finishes before the call's workflow
 * does), and its id lands in the CDR's metadata as {@code recordingId}.
 *
 * <p>Params: {@code greeting} (a sound file or tone stream; default "record your message"), {@code
 * maxSeconds} (1..3600, default 120), {@code silenceSeconds} (0..60, 0 for none; default 5), {@code
 * thanks} (default "goodbye").
 */
public final class VoicemailFlow implements CallFlow {
  public static final String NAME = "voicemail";
  public static final String RECORDING = "recordingId";
  static final String DEFAULT_GREETING = "voicemail/vm-record_message.wav";
  static final String DEFAULT_THANKS = "voicemail/vm-goodbye.wav";
  static final int DEFAULT_MAX_SECONDS = 120;
  static final int DEFAULT_SILENCE_SECONDS = 5;

  /** What {@code params} may hold; the API refuses anything else. */
  public static final FlowParameters PARAMETERS =
      FlowParameters.of(
          FlowParameter.media("greeting", "played before the beep"),
          FlowParameter.integer("maxSeconds", 1, 3600, "the longest message, in seconds"),
          FlowParameter.integer("silenceSeconds", 0, 60, "silence that ends the message; 0: none"),
          FlowParameter.media("thanks", "played after the message"));

  @Override
  public void run(Call call) {
    call.answer();
    call.play(FlowParams.text(call, "greeting", DEFAULT_GREETING));
    int maxSeconds = FlowParams.integer(call, "maxSeconds", DEFAULT_MAX_SECONDS, 1, 3600);
    int silenceSeconds =
        Math.min(
            maxSeconds, FlowParams.integer(call, "silenceSeconds", DEFAULT_SILENCE_SECONDS, 0, 60));
    Recording message =
        call.record(
            Record.upTo(Duration.ofSeconds(maxSeconds))
                .silenceEnds(Duration.ofSeconds(silenceSeconds))
                .beep());
    call.annotate(RECORDING, message.recordingId());
    call.annotate("recordingEnding", message.ending().name().toLowerCase(java.util.Locale.ROOT));
    // A caller who hung up to end the message hears no thank-you; the recording is kept all the
    // same.
    call.play(FlowParams.text(call, "thanks", DEFAULT_THANKS));
    call.hangup();
  }
}
