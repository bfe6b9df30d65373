package io.irisx.activities.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.RecordingActivities;
import io.irisx.workflows.call.RecordingUpload;
import io.irisx.workflows.call.UploadedRecording;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads that meet trouble: S3 away for a while, a retry after S3 already has it, a file in parts.
 */
class UploadResilienceTest {
  private static final Logger log = LoggerFactory.getLogger(UploadResilienceTest.class);
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
  void withS3UnreachableTheUploadRetriesKeepsTheFileAndSucceedsWhenS3Returns() throws Exception {
    RecordingTestBed.Call call = bed.newCall();
    String recordingId = UUID.randomUUID().toString();
    Path file = wav(recordingId, 64_000);
    byte[] bytes = Files.readAllBytes(file);
    new RecordingRecordActivitiesImpl(bed.jdbi)
        .recordingStarted(
            recordingId, call.tenantId().toString(), call.callId().toString(), Instant.now());

    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    try {
      String nodeQueue = TaskQueues.node("node-test");
      Worker calls = env.newWorker(TaskQueues.CALLS);
      calls.registerWorkflowImplementationTypes(
          ActivityCatalogue.workflowImplementationOptions(), UploadScenario.Impl.class);
      calls.registerActivitiesImplementations(new RecordingRecordActivitiesImpl(bed.jdbi));
      env.newWorker(nodeQueue)
          .registerActivitiesImplementations(bed.recordingActivities(bed.store));
      env.start();
      bed.stopS3();

      UploadScenario scenario =
          env.getWorkflowClient()
              .newWorkflowStub(
                  UploadScenario.class,
                  WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CALLS).build());
      RecordingUpload upload =
          new RecordingUpload(
              recordingId,
              call.tenantId().toString(),
              call.callId().toString(),
              file.toString(),
              Instant.now());
      CompletableFuture<UploadedRecording> result =
          WorkflowClient.execute(scenario::uploadAndRecord, nodeQueue, upload);

      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> "uploading".equals(bed.row(recordingId).status()));
      Thread.sleep(3_000); // S3 stays away for a while: several attempts fail meanwhile
      assertThat(result).isNotDone();
      assertThat(file).as("kept while S3 is away").exists();
      bed.startS3();

      UploadedRecording uploaded = result.get(60, TimeUnit.SECONDS);
      assertThat(bed.object(uploaded.key())).isEqualTo(bytes);
      assertThat(file).doesNotExist();
      assertThat(bed.row(recordingId).status()).isEqualTo("available");
      var history = WorkflowStub.fromTyped(scenario).getExecution();
      assertThat(
              env.getWorkflowClient()
                  .fetchHistory(history.getWorkflowId())
                  .getHistory()
                  .getEventsList())
          .filteredOn(e -> e.hasActivityTaskStartedEventAttributes())
          .anySatisfy(
              e ->
                  assertThat(e.getActivityTaskStartedEventAttributes().getAttempt())
                      .isGreaterThan(1));
    } finally {
      env.close();
    }
  }

  @Test
  void aRetryAfterS3AlreadyHasTheObjectSendsNothingAndStillDeletesTheFile() throws Exception {
    RecordingTestBed.Call call = bed.newCall();
    String recordingId = UUID.randomUUID().toString();
    Path file = wav(recordingId, 16_000);
    byte[] bytes = Files.readAllBytes(file);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(bed.recordingActivities(bed.store));
      RecordingActivities activities =
          env.newActivityStub(
              RecordingActivities.class,
              ActivityCatalogue.options().get(ActivityCatalogue.UPLOAD_RECORDING));
      RecordingUpload upload =
          new RecordingUpload(
              recordingId,
              call.tenantId().toString(),
              call.callId().toString(),
              file.toString(),
              Instant.now());
      UploadedRecording first = activities.upload(upload);
      Path stored = bed.s3Directory.resolve(RecordingTestBed.BUCKET).resolve(first.key());
      var storedAt = Files.getLastModifiedTime(stored);

      // The worker died after S3 took the object but before it deleted the file.
      Files.write(file, bytes);
      Thread.sleep(20); // a rewrite would change the stored file's modification time
      UploadedRecording second = activities.upload(upload);

      assertThat(second).isEqualTo(first);
      assertThat(Files.getLastModifiedTime(stored)).as("not sent again").isEqualTo(storedAt);
      assertThat(file).doesNotExist();
      assertThat(bed.object(first.key())).isEqualTo(bytes);
    } finally {
      env.close();
    }
  }

  @Test
  void aFiftyMegabyteRecordingGoesInVerifiedPartsAndArrivesWhole() throws Exception {
    RecordingTestBed.Call call = bed.newCall();
    String recordingId = UUID.randomUUID().toString();
    Path file = wav(recordingId, 50L * 1024 * 1024 / 2);
    byte[] bytes = Files.readAllBytes(file);
    RecordingStore store = new RecordingStore(bed.s3, bed.s3Settings(8L * 1024 * 1024));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    List<Object> heartbeats = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      env.registerActivitiesImplementations(bed.recordingActivities(store));
      env.setActivityHeartbeatListener(UploadProgress.class, heartbeats::add);
      RecordingActivities activities =
          env.newActivityStub(
              RecordingActivities.class,
              ActivityCatalogue.options().get(ActivityCatalogue.UPLOAD_RECORDING));

      long began = System.nanoTime();
      UploadedRecording uploaded =
          activities.upload(
              new RecordingUpload(
                  recordingId,
                  call.tenantId().toString(),
                  call.callId().toString(),
                  file.toString(),
                  Instant.now()));
      double seconds = (System.nanoTime() - began) / 1e9;
      log.info(
          "50 MB recording uploaded to S3Proxy in {} s: {} MB/s",
          String.format("%.2f", seconds),
          String.format("%.1f", bytes.length / 1e6 / seconds));

      // Temporal throttles heartbeats; the first one goes out at once, after the first 8 MiB part.
      assertThat(heartbeats).isNotEmpty();
      assertThat(((UploadProgress) heartbeats.get(0)).parts())
          .extracting(UploadProgress.Part::number)
          .startsWith(1);
      assertThat(uploaded.sizeBytes()).isEqualTo(bytes.length);
      assertThat(uploaded.checksumSha256()).isEqualTo(RecordedCallUploadTest.sha256(bytes));
      assertThat(uploaded.durationMillis()).isEqualTo((bytes.length - 44) / 16);
      assertThat(bed.object(uploaded.key())).isEqualTo(bytes);
      assertThat(file).doesNotExist();
    } finally {
      env.close();
    }
  }

  @Test
  void aRetriedMultipartUploadCarriesOnFromTheHeartbeatedParts() throws Exception {
    RecordingTestBed.Call call = bed.newCall();
    String recordingId = UUID.randomUUID().toString();
    Path file = wav(recordingId, 12L * 1024 * 1024);
    byte[] bytes = Files.readAllBytes(file);
    RecordingStore store = new RecordingStore(bed.s3, bed.s3Settings(8L * 1024 * 1024));
    RecordingUpload upload =
        new RecordingUpload(
            recordingId,
            call.tenantId().toString(),
            call.callId().toString(),
            file.toString(),
            Instant.now());
    String key =
        RecordingKeys.of(
            call.tenantId(), upload.startedAt(), call.callId(), UUID.fromString(recordingId));

    // An earlier attempt sent the first part, heartbeated it, and died.
    WavFile wav = WavFile.inspect(file);
    List<UploadProgress> sent = new java.util.ArrayList<>();
    assertThatThrownBy(
            () ->
                store.put(
                    key,
                    file,
                    wav,
                    null,
                    progress -> {
                      sent.add(progress);
                      throw new IllegalStateException("worker killed");
                    }))
        .hasMessage("worker killed");
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    List<UploadProgress> heartbeats = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      env.registerActivitiesImplementations(bed.recordingActivities(store));
      env.setHeartbeatDetails(sent.get(0));
      env.setActivityHeartbeatListener(UploadProgress.class, heartbeats::add);
      RecordingActivities activities =
          env.newActivityStub(
              RecordingActivities.class,
              ActivityCatalogue.options().get(ActivityCatalogue.UPLOAD_RECORDING));

      UploadedRecording uploaded = activities.upload(upload);

      assertThat(heartbeats)
          .isNotEmpty()
          .allSatisfy(h -> assertThat(h.uploadId()).isEqualTo(sent.get(0).uploadId()));
      assertThat(heartbeats.get(0).parts())
          .extracting(UploadProgress.Part::number)
          .containsExactly(1, 2);
      assertThat(bed.object(uploaded.key())).isEqualTo(bytes);
    } finally {
      env.close();
    }
  }

  @Test
  void s3ProxyVerifiesContentMd5AndRefusesServerSideEncryption() throws Exception {
    String key = "probe/" + UUID.randomUUID();
    byte[] body = "hello".getBytes();
    assertThatThrownBy(
            () ->
                bed.s3.putObject(
                    b ->
                        b.bucket(RecordingTestBed.BUCKET)
                            .key(key)
                            .contentMD5("1B2M2Y8AsgTpgAmY7PhCfg=="),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(body)))
        .isInstanceOfSatisfying(
            software.amazon.awssdk.services.s3.model.S3Exception.class,
            e -> assertThat(e.statusCode()).isEqualTo(400));
    RecordingStore encrypting = new RecordingStore(bed.s3, bed.s3Settings(null, "AES256"));
    RecordingTestBed.Call call = bed.newCall();
    String recordingId = UUID.randomUUID().toString();
    Path file = wav(recordingId, 8_000);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(bed.recordingActivities(encrypting));
      RecordingActivities activities =
          env.newActivityStub(
              RecordingActivities.class,
              ActivityCatalogue.options().get(ActivityCatalogue.UPLOAD_RECORDING));
      assertThatThrownBy(
              () ->
                  activities.upload(
                      new RecordingUpload(
                          recordingId,
                          call.tenantId().toString(),
                          call.callId().toString(),
                          file.toString(),
                          Instant.now())))
          .isInstanceOf(ActivityFailure.class)
          .hasMessageContaining("501");
      assertThat(file).as("kept: nothing was uploaded").exists();
    } finally {
      env.close();
    }
  }

  /** A WAV of {@code samples} 16-bit mono 8 kHz samples of noise, in this node's directory. */
  private static Path wav(String recordingId, long samples) throws Exception {
    Path file = bed.recordingsDirectory.resolve(recordingId + ".wav");
    Files.createDirectories(file.getParent());
    long dataBytes = samples * 2;
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
    header
        .put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(16000)
        .putShort((short) 2)
        .putShort((short) 16);
    header.put("data".getBytes()).putInt((int) dataBytes);
    byte[] data = new byte[(int) dataBytes];
    new Random(recordingId.hashCode()).nextBytes(data);
    try (var out = Files.newOutputStream(file)) {
      out.write(header.array());
      out.write(data);
    }
    return file;
  }
}
