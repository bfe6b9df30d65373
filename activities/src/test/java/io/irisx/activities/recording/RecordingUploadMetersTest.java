package io.irisx.activities.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irisx.activities.metrics.ActivityMeters;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.workflows.call.OriginateCommand;
import io.irisx.workflows.call.RecordingActivities;
import io.irisx.workflows.call.RecordingFile;
import io.irisx.workflows.call.RecordingUpload;
import io.irisx.workflows.call.UploadedRecording;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recording uploads are counted where operators look: one success (with its bytes and its time) per
 * recording that reached S3, however often the activity runs, and one failure per attempt S3
 * refused.
 */
class RecordingUploadMetersTest {
  private static RecordingTestBed bed;

  @BeforeAll
  static void startBed() throws Exception {
    bed = new RecordingTestBed();
  }

  @AfterAll
  static void stopBed() throws Exception {
    bed.close();
  }

  @Test
  void anUploadIsCountedOnceWithItsBytesAndTimeAndARetryDoesNotCountItAgain() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RecordingActivities recording = stub(bed.store, registry);
    RecordingUpload upload = recordedCall(recording);

    UploadedRecording uploaded = recording.upload(upload);
    recording.upload(upload); // the result was lost: the activity runs again

    assertThat(
            registry.get("irisx_recording_uploads").tag("outcome", "succeeded").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("irisx_recording_uploads").tag("outcome", "failed").counter().count())
        .isZero();
    assertThat(registry.get("irisx_recording_upload_bytes").summary().totalAmount())
        .isEqualTo((double) uploaded.sizeBytes());
    assertThat(registry.get("irisx_recording_upload").timer().count()).isEqualTo(1);
  }

  @Test
  void anUploadS3RefusesIsCountedAsFailedAndTheFileStays() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // A bucket that does not exist: S3 refuses every request for it.
    S3Settings real = bed.s3Settings(null);
    S3Settings missingBucket =
        new S3Settings(
            real.endpoint(),
            real.region(),
            "no-such-bucket",
            true,
            RecordingTestBed.ACCESS_KEY,
            RecordingTestBed.SECRET_KEY,
            "none",
            null,
            null,
            null);
    RecordingStore nowhere = new RecordingStore(bed.s3, missingBucket);
    RecordingUpload upload = recordedCall(stub(bed.store, new SimpleMeterRegistry()));
    RecordingActivities refused = stub(nowhere, registry);

    assertThatThrownBy(() -> refused.upload(upload)).isInstanceOf(ActivityFailure.class);

    assertThat(registry.get("irisx_recording_uploads").tag("outcome", "failed").counter().count())
        .isEqualTo(1.0);
    assertThat(
            registry.get("irisx_recording_uploads").tag("outcome", "succeeded").counter().count())
        .isZero();
    assertThat(java.nio.file.Path.of(upload.path()))
        .as("kept until an upload is confirmed")
        .exists();
  }

  /** One attempt per call, so a failure shows as exactly one failed attempt. */
  private static RecordingActivities stub(RecordingStore store, SimpleMeterRegistry registry) {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new RecordingActivitiesImpl(
            bed.esl,
            bed.commands,
            bed.recordingsDirectory,
            store,
            java.time.Clock.systemUTC(),
            new ActivityMeters(registry)));
    ActivityOptions once =
        ActivityCatalogue.options().get(ActivityCatalogue.UPLOAD_RECORDING).toBuilder()
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();
    return env.newActivityStub(RecordingActivities.class, once);
  }

  /** A call recorded for 300 ms on the simulated switch, ready to upload. */
  private static RecordingUpload recordedCall(RecordingActivities recording)
      throws InterruptedException {
    RecordingTestBed.Call call = bed.newCall();
    OriginateCommand originate =
        new OriginateCommand(
            call.callId().toString(), UUID.randomUUID().toString(), "+15550100", "+15550111", 30);
    bed.callControl().originate(originate);
    bed.awaitEvent("CHANNEL_ANSWER", originate.channelUuid());
    RecordingFile file =
        recording.startRecording(originate.channelUuid(), UUID.randomUUID().toString(), 0, 0);
    Thread.sleep(300); // not waiting for a condition: the call records 300 ms of audio
    recording.stopRecording(originate.channelUuid(), file.path());
    bed.awaitEvent("RECORD_STOP", originate.channelUuid());
    return new RecordingUpload(
        file.recordingId(),
        call.tenantId().toString(),
        call.callId().toString(),
        file.path(),
        file.startedAt());
  }
}
