package io.irisx.activities.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irisx.db.RecordingRow;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.workflows.call.OriginateCommand;
import io.irisx.workflows.call.RecordingActivities;
import io.irisx.workflows.call.RecordingFile;
import io.irisx.workflows.call.RecordingRecordActivities;
import io.irisx.workflows.call.RecordingUpload;
import io.irisx.workflows.call.UploadedRecording;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call recorded on the simulated switch ends as an S3 object (through S3Proxy) whose bytes are
 * the WAV file the switch wrote, and a row marked available; every step may be repeated.
 */
class RecordedCallUploadTest {
  private static RecordingTestBed bed;
  private TestActivityEnvironment env;
  private RecordingActivities recording;
  private RecordingRecordActivities rows;

  @BeforeAll
  static void startBed() throws Exception {
    bed = new RecordingTestBed();
  }

  @AfterAll
  static void stopBed() throws Exception {
    bed.close();
  }

  @BeforeEach
  void stubs() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        bed.recordingActivities(bed.store), new RecordingRecordActivitiesImpl(bed.jdbi));
    recording =
        env.newActivityStub(
            RecordingActivities.class,
            ActivityCatalogue.options().get(ActivityCatalogue.UPLOAD_RECORDING));
    rows =
        env.newActivityStub(
            RecordingRecordActivities.class,
            ActivityCatalogue.options().get(ActivityCatalogue.RECORDING_STARTED));
  }

  @AfterEach
  void closeEnv() {
    env.close();
  }

  @Test
  void aRecordedCallEndsAsAnObjectWithTheBytesTheSwitchWroteAndAnAvailableRow() throws Exception {
    RecordingTestBed.Call call = bed.newCall();
    String channel = answeredChannel(call);
    String recordingId = UUID.randomUUID().toString();

    RecordingFile file = recording.startRecording(channel, recordingId, 0, 0);
    RecordingFile again = recording.startRecording(channel, recordingId, 0, 0); // a retry
    rows.recordingStarted(
        recordingId, call.tenantId().toString(), call.callId().toString(), file.startedAt());
    rows.recordingStarted(
        recordingId, call.tenantId().toString(), call.callId().toString(), file.startedAt());

    assertThat(file.path())
        .isEqualTo(bed.recordingsDirectory.resolve(recordingId + ".wav").toString());
    assertThat(file.nodeId()).isEqualTo("node-test");
    assertThat(again.path()).isEqualTo(file.path());
    assertThat(bed.awaitEvent("RECORD_START", channel).header("Record-File-Path"))
        .isEqualTo(file.path());
    assertThat(bed.count("RECORD_START", channel))
        .as("one recording, however many starts")
        .isEqualTo(1);
    assertThat(bed.row(recordingId).status()).isEqualTo("recording");

    Thread.sleep(400); // not waiting for a condition: the call records 400 ms of audio
    recording.stopRecording(channel, file.path());
    recording.stopRecording(channel, file.path()); // a retry: stopped already
    assertThat(bed.awaitEvent("RECORD_STOP", channel).header("Record-File-Path"))
        .isEqualTo(file.path());
    byte[] written = Files.readAllBytes(Path.of(file.path()));
    long recordMs =
        Long.parseLong(bed.awaitEvent("RECORD_STOP", channel).header("variable_record_ms"));

    rows.recordingUploading(recordingId);
    RecordingUpload upload =
        new RecordingUpload(
            recordingId,
            call.tenantId().toString(),
            call.callId().toString(),
            file.path(),
            file.startedAt());
    UploadedRecording uploaded = recording.upload(upload);
    rows.recordingAvailable(recordingId, uploaded);

    String day =
        java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withZone(java.time.ZoneOffset.UTC)
            .format(file.startedAt());
    assertThat(uploaded.key())
        .isEqualTo(call.tenantId() + "/" + day + "/" + call.callId() + "/" + recordingId + ".wav");
    assertThat(uploaded.bucket()).isEqualTo(RecordingTestBed.BUCKET);
    assertThat(bed.object(uploaded.key())).isEqualTo(written);
    assertThat(uploaded.sizeBytes()).isEqualTo(written.length);
    assertThat(uploaded.checksumSha256()).isEqualTo(sha256(written));
    assertThat(uploaded.durationMillis()).isEqualTo(recordMs);
    assertThat(Path.of(file.path())).as("deleted once S3 confirmed it").doesNotExist();

    RecordingRow row = bed.row(recordingId);
    assertThat(row.status()).isEqualTo("available");
    assertThat(row.s3Bucket()).isEqualTo(uploaded.bucket());
    assertThat(row.s3Key()).isEqualTo(uploaded.key());
    assertThat(row.sizeBytes()).isEqualTo(uploaded.sizeBytes());
    assertThat(row.checksumSha256()).isEqualTo(uploaded.checksumSha256());
    assertThat(row.durationMillis()).isEqualTo(recordMs);
    assertThat(row.uploadedAt()).isNotNull();
    assertThat(row.endedAt()).isNotNull();

    // The upload's result was lost and it runs again: the object answers for the deleted file.
    assertThat(recording.upload(upload)).isEqualTo(uploaded);
    rows.recordingAvailable(recordingId, uploaded);
    rows.recordingFailed(recordingId, "late failure"); // a final status is not undone
    assertThat(bed.row(recordingId)).isEqualTo(row);
  }

  @Test
  void aGoneChannelCannotStartARecordingButStopsOneFine() {
    String channel = UUID.randomUUID().toString();
    String path = bed.recordingsDirectory.resolve(UUID.randomUUID() + ".wav").toString();

    recording.stopRecording(channel, path);
    assertThatThrownBy(() -> recording.startRecording(channel, UUID.randomUUID().toString(), 0, 0))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(RecordingActivities.CHANNEL_GONE);
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  @Test
  void onlyThisNodesRecordingFilesAreEverUploaded() throws Exception {
    RecordingTestBed.Call call = bed.newCall();
    Path elsewhere = Files.createTempFile("not-a-recording", ".wav");
    String recordingId = UUID.randomUUID().toString();

    assertThatThrownBy(
            () ->
                recording.upload(
                    new RecordingUpload(
                        recordingId,
                        call.tenantId().toString(),
                        call.callId().toString(),
                        elsewhere.toString(),
                        Instant.now())))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure ->
                assertThat(failure.getType()).isEqualTo(RecordingActivities.INVALID_RECORDING));
    assertThatThrownBy(
            () ->
                recording.upload(
                    new RecordingUpload(
                        recordingId,
                        "../../etc",
                        call.callId().toString(),
                        bed.recordingsDirectory.resolve(recordingId + ".wav").toString(),
                        Instant.now())))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure ->
                assertThat(failure.getType()).isEqualTo(RecordingActivities.INVALID_RECORDING));
    assertThatThrownBy(
            () ->
                recording.upload(
                    new RecordingUpload(
                        recordingId,
                        call.tenantId().toString(),
                        call.callId().toString(),
                        bed.recordingsDirectory.resolve(recordingId + ".wav").toString(),
                        Instant.now())))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(RecordingActivities.FILE_MISSING));
    assertThat(elsewhere).exists();
  }

  private String answeredChannel(RecordingTestBed.Call call) {
    OriginateCommand originate =
        new OriginateCommand(
            call.callId().toString(), UUID.randomUUID().toString(), "+15550100", "+15550111", 30);
    bed.callControl().originate(originate);
    bed.awaitEvent("CHANNEL_ANSWER", originate.channelUuid());
    return originate.channelUuid();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
