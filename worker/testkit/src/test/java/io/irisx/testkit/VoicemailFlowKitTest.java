package io.irisx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.irisx.db.RecordingRow;
import io.irisx.workflows.flow.Record;
import io.irisx.workflows.flow.VoicemailFlow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped voicemail flow under the kit, with the real recording activities: uuid_record on the
 * simulator (which writes a WAV of silence), the upload to S3Proxy, the {@code recordings} row. The
 * simulated caller never speaks, so a silence end comes exactly {@code silenceSeconds} in.
 */
class VoicemailFlowKitTest {
  private static final String GREETING = "voicemail/greeting-sales.wav";
  private static final String THANKS = "voicemail/thanks.wav";
  private static FlowTestKit kit;

  @BeforeAll
  static void start() {
    kit = FlowTestKit.builder().promptLength(Duration.ofSeconds(3)).start();
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @Test
  void aSilentCallerHearsGreetingAndBeepAndTheRecordingEndsBySilence() {
    CallOutcome call =
        kit.call(
            VoicemailFlow.NAME,
            Map.of("greeting", GREETING, "thanks", THANKS, "silenceSeconds", 4),
            Caller.answering());
    KitTimes.print("voicemail, silence", call);

    assertThat(call.heard().media()).containsExactly(GREETING, Record.BEEP, THANKS);
    assertThat(call.heard().prompts())
        .extracting(Prompt::complete)
        .containsExactly(true, true, true);
    assertThat(call.metadata()).containsEntry("recordingEnding", "silence");
    RecordingRow recording = onlyRecording(call);
    // the WAV's length in whole samples: a microsecond short of 4 s reads 3999 ms
    assertThat(recording.durationMillis()).isCloseTo(4_000L, within(KitTimes.CREEP.toMillis()));
    // greeting 3, beep 3, recording 4, thanks 3
    assertThat(call.cdr().billSeconds()).isBetween(13L, 14L);
    assertThat(call.timelineTypes())
        .containsSubsequence("call.recording-started", "call.recording-stopped");
  }

  @Test
  void pressingHashEndsTheRecordingAndTheCallerHearsTheThanks() {
    CallOutcome call =
        kit.call(
            VoicemailFlow.NAME,
            Map.of("silenceSeconds", 0),
            Caller.answering().pressingAfter(Record.BEEP, 1, "#", Duration.ofSeconds(7)));

    assertThat(call.heard().media()).endsWith(Record.BEEP, "voicemail/vm-goodbye.wav");
    assertThat(call.heard().pressed()).isEqualTo("#");
    assertThat(call.metadata()).containsEntry("recordingEnding", "key");
    RecordingRow recording = onlyRecording(call);
    // the key is timed from the beep's end, the recording starts a moment after it and stops a
    // moment after the key
    assertThat(recording.durationMillis()).isCloseTo(7_000L, within(KitTimes.CREEP.toMillis()));
    assertThat(call.cdr().status()).isEqualTo("completed");
  }

  @Test
  void aCallerWhoHangsUpMidMessageKeepsTheRecordingAndHearsNoThanks() {
    CallOutcome call =
        kit.call(
            VoicemailFlow.NAME,
            Map.of("silenceSeconds", 0, "thanks", THANKS),
            Caller.answering().hangingUpAfter(Record.BEEP, 1, Duration.ofSeconds(6)));

    assertThat(call.heard().media()).doesNotContain(THANKS).endsWith(Record.BEEP);
    assertThat(call.heard().hangupCause()).isEqualTo("NORMAL_CLEARING");
    // The switch sends CHANNEL_HANGUP, then RECORD_STOP with success-maxtime: short of the limit,
    // that is the caller hanging up.
    assertThat(call.metadata()).containsEntry("recordingEnding", "hangup");
    RecordingRow recording = onlyRecording(call);
    assertThat(recording.durationMillis()).isCloseTo(6_000L, within(KitTimes.CREEP.toMillis()));
    assertThat(call.cdr().status()).isEqualTo("completed");
  }

  /** The one recording, uploaded to the kit's S3 and named in the CDR's metadata. */
  private static RecordingRow onlyRecording(CallOutcome call) {
    assertThat(call.recordings()).hasSize(1);
    RecordingRow recording = call.recordings().getFirst();
    assertThat(call.metadata()).containsEntry(VoicemailFlow.RECORDING, recording.id().toString());
    assertThat(recording.status()).isEqualTo("available");
    assertThat(recording.s3Bucket()).isEqualTo(KitInfrastructure.BUCKET);
    assertThat(recording.sizeBytes()).isPositive();
    assertThat(recording.callId().toString()).isEqualTo(call.result().callId());
    return recording;
  }
}
