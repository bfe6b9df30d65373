package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real switch's sessions 15 to 21b replayed against the simulator: it must send the frames the
 * switch sent, in the same order, with the same headers (see {@link CaptureComparison}).
 */
class CaptureReplaySimulatorTest {
  /** The capture's far end: sipp answering with 100, 180, 183 with SDP after 0.5 s, 200 at 1 s. */
  private static final FarEndScript SIPP_UAS =
      FarEndScript.answersAfter(Duration.ofMillis(1045)).withEarlyMedia();

  /** Where the capture's switch recorded; the replay records in a temporary folder instead. */
  private static final String RECORDINGS = "/usr/local/freeswitch/var/lib/freeswitch/recordings";

  @TempDir Path recordings;

  private EslSimulator simulator;

  private EslSimulator start() {
    simulator =
        EslSimulator.start(
            SimulatorOptions.defaults().withPort(0).withRingDelay(Duration.ofMillis(20)));
    simulator.script("15550111", SIPP_UAS);
    return simulator;
  }

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void aMissingFileCompletesWithFileNotFoundAndNoPlaybackEvents() throws Exception {
    assertReplays("15-playback-missing-file.txt", start());
  }

  @Test
  void aPlayedFileStaysTheChannelsApplicationAndUuidDumpSaysSo() throws Exception {
    EslSimulator switch16 = start();
    switch16.mediaLength("ivr/ivr-welcome.wav", Duration.ofMillis(1160));
    assertReplays("16-show-channels-after-playback.txt", switch16);
  }

  @Test
  void uuidBreakRepliesBeforeTheCutFilesPlaybackStop() throws Exception {
    EslSimulator switch17 = start();
    switch17.mediaLength("ivr/long.wav", Duration.ofSeconds(8));
    // The capture's cut file reported 2048 ms after about 1 s (the switch counts what it buffered);
    // the simulator reports the time it played.
    assertReplays(
        new CaptureReplay(CaptureFile.load("17-uuid-break-order.txt"), Duration.ofMillis(1200)),
        switch17,
        s -> s,
        Set.of(
            "variable_playback_ms",
            "variable_playback_seconds",
            "variable_playback_samples",
            "variable_playback_last_offset_pos"));
  }

  @Test
  void speechWithoutModSsmlIsAMissingFile() throws Exception {
    assertReplays("18-tts-without-ssml.txt", start());
  }

  @Test
  void speechWithModSsmlPlays() throws Exception {
    EslSimulator switch18b = start();
    switch18b.mediaLength("tts://flite|kal|Hello there", Duration.ofMillis(1069));
    assertReplays("18b-tts-with-ssml.txt", switch18b);
  }

  @Test
  void aRingTimeoutHangsUpThenFailsTheJobThenSaysItSentCancel() throws Exception {
    EslSimulator switch19 = start();
    switch19.script("15550111", FarEndScript.refuses("NO_ANSWER"));
    assertReplays(
        new CaptureReplay(CaptureFile.load("19-noanswer-disposition.txt"), Duration.ofMillis(300))
            .rewritingCommands(s -> s.replace("originate_timeout=5", "originate_timeout=2")),
        switch19,
        // Events carry the command percent-encoded.
        s -> s.replace("originate_timeout%3D2", "originate_timeout%3D5"),
        Set.of());
  }

  @Test
  void anInboundCallerWithoutPlusIsPassedThroughUnchanged() throws Exception {
    EslSimulator switch20 = start();
    String[] uuid = new String[1];
    String capturedUuid = "115f179a-75a2-40c6-ab36-504a663cfe13";
    assertReplays(
        new CaptureReplay(
                CaptureFile.load("20-inbound-caller-without-plus.txt"), Duration.ofMillis(300))
            .farEndAfter(
                3,
                () -> uuid[0] = switch20.placeInboundCall("15557770001", "Sipp Caller", "15550123"))
            .rewritingCommands(s -> uuid[0] == null ? s : s.replace(capturedUuid, uuid[0])),
        switch20,
        s -> uuid[0] == null ? s : s.replace(uuid[0], capturedUuid),
        Set.of());
  }

  @Test
  void aFarEndByeStopsTheRecordingAfterTheHangup() throws Exception {
    EslSimulator switch21 = start();
    String uuid = "f1f69c99-046c-4ef8-810a-1f37c2768721";
    // The far end hangs up 3 s after RECORD_START, the 13th frame.
    assertReplays(
        new CaptureReplay(CaptureFile.load("21-record-stop-on-hangup.txt"), Duration.ofMillis(500))
            .farEndAfter(13, () -> switch21.hangUpFarEnd(uuid, null))
            .rewritingCommands(s -> s.replace(RECORDINGS, recordings.toString())),
        switch21,
        s -> s.replace(recordings.toString(), RECORDINGS),
        Set.of());
  }

  @Test
  void uuidKillStopsTheRecordingAfterTheHangup() throws Exception {
    assertReplays(
        new CaptureReplay(
                CaptureFile.load("21b-record-stop-on-uuid-kill.txt"), Duration.ofMillis(500))
            .rewritingCommands(s -> s.replace(RECORDINGS, recordings.toString())),
        start(),
        s -> s.replace(recordings.toString(), RECORDINGS),
        Set.of());
  }

  private static void assertReplays(String name, EslSimulator simulator) throws Exception {
    assertReplays(
        new CaptureReplay(CaptureFile.load(name), Duration.ofMillis(300)),
        simulator,
        s -> s,
        Set.of());
  }

  private static void assertReplays(
      CaptureReplay replay,
      EslSimulator simulator,
      UnaryOperator<String> simulatorText,
      Set<String> skipped)
      throws Exception {
    CaptureFile capture = replay.capture();
    List<EslTestClient.Frame> frames = replay.run(simulator);
    List<String> differences =
        new CaptureComparison(capture, simulatorText, skipped).differences(frames);
    assertThat(differences)
        .as(
            "%s replayed; the simulator sent:%n%s",
            capture.name(), CaptureComparison.outline(frames))
        .isEmpty();
  }
}
