package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.activities.recording.S3Settings;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.irisx.workflows.call.CallRequest;
import io.temporal.api.history.v1.HistoryEvent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The worker uploading a recording dies (SIGKILL, in its own JVM) with the upload half sent; the
 * local file is still there; started again, the worker uploads it, and the recording ends
 * available, once: one row, one object whose bytes have the row's checksum.
 *
 * <p>The worker reaches S3Proxy through a proxy held to 32 KB/s, so the ~320 KB recording of a
 * 20-second whole-call recording takes seconds to send, in parts (the multipart threshold is set
 * low) as a large file does; the test kills the worker once 64 KB of it are through. It runs on the
 * real Temporal server (the CLI dev server), which notices the dead worker's attempt by its missed
 * heartbeat (30 s) and retries it; see {@link WorkerCrashTest} for why not the in-process one.
 */
class WorkerKilledMidUploadTest {
  private static final long THROTTLE_BYTES_PER_SECOND = 32_000;

  @Test
  void aRecordingWhoseWorkerIsKilledMidUploadEndsAvailableOnce(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path home) throws Exception {
    TemporalCliRequirement.check();
    DevOptions options =
        DevOptions.ephemeral(home, TemporalMode.CLI).withRunWorker(false).withPromptMillis(20_000);
    try (DevStack stack = DevStack.start(options)) {
      URI s3 = URI.create(stack.manifest().s3Endpoint());
      try (ThrottledProxy proxy =
          ThrottledProxy.start(s3.getHost(), s3.getPort(), THROTTLE_BYTES_PER_SECOND)) {
        Path config = throughProxy(stack, proxy, home);
        CallsApi api = new CallsApi(stack.manifest());
        Path workerLog = home.resolve("logs/worker-process.log");
        String callId;
        Path localFile;
        try (WorkerProcess worker = WorkerProcess.start(config, workerLog)) {
          CallsApi.Reply created =
              api.post(
                  "/v1/calls",
                  """
              {"from":"+15550100","to":"+15550111","flow":"hello","record":true}""");
          assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
          callId = created.body().path("id").asText();
          String id = callId;
          JsonNode[] recording = new JsonNode[1];
          long before = proxy.bytesUp();
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(50))
              .until(
                  () -> {
                    recording[0] =
                        api.get("/v1/calls/" + id + "/recordings").body().path("data").path(0);
                    return "uploading".equals(recording[0].path("status").asText())
                        && proxy.bytesUp() - before > 64_000;
                  });
          localFile = home.resolve("recordings").resolve(recording[0].path("id").asText() + ".wav");
          assertThat(Files.size(localFile)).as("a 20 s recording").isGreaterThan(250_000);

          worker.kill();
          assertThat(worker.isAlive()).isFalse();
        }
        assertThat(
                api.get("/v1/calls/" + callId + "/recordings")
                    .body()
                    .path("data")
                    .path(0)
                    .path("status")
                    .asText())
            .isEqualTo("uploading");
        assertThat(localFile).as("kept: the upload was not confirmed").exists();
        proxy.unthrottle();

        try (WorkerProcess restarted = WorkerProcess.start(config, workerLog)) {
          String id = callId;
          JsonNode[] recording = new JsonNode[1];
          await()
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> {
                    recording[0] =
                        api.get("/v1/calls/" + id + "/recordings").body().path("data").path(0);
                    return "available".equals(recording[0].path("status").asText());
                  });
          assertThat(api.get("/v1/calls/" + callId + "/recordings").body().path("data")).hasSize(1);
          assertThat(rows(stack, "SELECT count(*) FROM recordings WHERE call_id = ?", callId))
              .isEqualTo(1);
          Map<String, byte[]> objects = objects(stack, callId);
          assertThat(objects).hasSize(1);
          assertThat(objects.keySet().iterator().next())
              .endsWith("/" + recording[0].path("id").asText() + ".wav");
          byte[] object = objects.values().iterator().next();
          assertThat(object).hasSize(recording[0].path("sizeBytes").asInt());
          assertThat(sha256(object)).isEqualTo(recording[0].path("checksumSha256").asText());
          assertThat(localFile).as("deleted once S3 confirmed it").doesNotExist();
          assertThat(api.awaitFinal(callId, Duration.ofSeconds(60)).path("status").asText())
              .isEqualTo("completed");
          assertThat(uploadAttempts(stack, callId))
              .as("the killed attempt was retried")
              .isGreaterThan(1);
        }
      }
    }
  }

  /**
   * The stack's worker configuration, with S3 reached through the proxy and files over 64 KiB sent
   * in parts.
   */
  private static Path throughProxy(DevStack stack, ThrottledProxy proxy, Path home)
      throws Exception {
    String yaml = Files.readString(stack.workerConfig());
    String direct = "endpoint: \"" + stack.manifest().s3Endpoint() + "\"";
    assertThat(yaml).contains(direct, "serverSideEncryption: none");
    yaml =
        yaml.replace(direct, "endpoint: \"http://127.0.0.1:" + proxy.port() + "\"")
            .replace(
                "serverSideEncryption: none",
                "serverSideEncryption: none\n    multipartThresholdBytes: 65536\n    partSizeBytes: 5242880");
    Path config = home.resolve("worker-through-proxy.yml");
    Files.writeString(config, yaml);
    return config;
  }

  /**
   * The objects S3 lists for the call, with their bytes. (The dead attempt's incomplete multipart
   * upload is not an object: S3 lists none for it; a bucket lifecycle rule aborts such uploads.)
   */
  private static Map<String, byte[]> objects(DevStack stack, String callId) {
    S3Settings settings =
        new S3Settings(
            stack.manifest().s3Endpoint(),
            "us-east-1",
            stack.manifest().s3Bucket(),
            true,
            LocalS3.ACCESS_KEY,
            LocalS3.SECRET_KEY,
            "none",
            null,
            null,
            null);
    try (S3Client s3 = settings.client()) {
      Map<String, byte[]> objects = new java.util.TreeMap<>();
      // Recordings live under <tenant>/...: the call's objects are those under the tenant's prefix.
      s3
          .listObjectsV2Paginator(
              b -> b.bucket(settings.bucket()).prefix(stack.manifest().tenantId() + "/"))
          .contents()
          .stream()
          .filter(object -> object.key().contains(callId))
          .forEach(
              object ->
                  objects.put(
                      object.key(),
                      s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(object.key()))
                          .asByteArray()));
      return objects;
    }
  }

  /** The highest attempt at which the call's upload activity started. */
  private static int uploadAttempts(DevStack stack, String callId) {
    try (TemporalConnection temporal =
        TemporalConnection.open(
            new TemporalSettings(stack.manifest().temporalAddress(), "default"))) {
      List<HistoryEvent> events =
          temporal
              .client()
              .fetchHistory(CallRequest.workflowId(callId))
              .getHistory()
              .getEventsList();
      Set<Long> uploads =
          events.stream()
              .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
              .filter(
                  e ->
                      e.getActivityTaskScheduledEventAttributes()
                          .getActivityType()
                          .getName()
                          .equals(ActivityCatalogue.UPLOAD_RECORDING))
              .map(HistoryEvent::getEventId)
              .collect(Collectors.toSet());
      assertThat(uploads).hasSize(1);
      return events.stream()
          .filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
          .filter(
              e ->
                  uploads.contains(e.getActivityTaskStartedEventAttributes().getScheduledEventId()))
          .mapToInt(e -> e.getActivityTaskStartedEventAttributes().getAttempt())
          .max()
          .orElse(0);
    }
  }

  private static int rows(DevStack stack, String sql, String callId) throws SQLException {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, UUID.fromString(callId));
      try (var result = query.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
