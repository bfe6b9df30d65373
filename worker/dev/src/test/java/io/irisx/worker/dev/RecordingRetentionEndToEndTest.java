package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.temporal.TaskQueues;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.irisx.workflows.recording.RecordingRetentionWorkflow;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator changes a tenant's retention through the API and the retention run follows it: a
 * recorded call's recording, ten days old, survives a run under a 30-day period and is deleted
 * (object and row) by the run after the period became 7 days.
 *
 * <p>The run is the workflow the retention Schedule starts ({@link RecordingRetentionWorkflow}),
 * started here directly so the test need not wait for the schedule's hour.
 */
class RecordingRetentionEndToEndTest {

  @Test
  void shorteningATenantsRetentionThroughTheApiMakesTheNextRunDeleteItsOlderRecordings(
      @TempDir Path home) throws Exception {
    try (DevStack stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
        TemporalConnection temporal =
            TemporalConnection.open(
                new TemporalSettings(stack.manifest().temporalAddress(), "default"))) {
      CallsApi api = new CallsApi(stack.manifest());
      String tenant = "/v1/admin/tenants/" + stack.manifest().tenantId();
      JsonNode recording = tenDaysOldRecording(stack, api);
      // S3Proxy's filesystem store keeps each object as a file under the bucket's directory.
      Path object =
          home.resolve("s3")
              .resolve(stack.manifest().s3Bucket())
              .resolve(objectKey(stack, recording.path("id").asText()));
      assertThat(object).exists();

      assertThat(
              operatorPatch(api, stack, tenant, "{\"recordingRetentionDays\":30}")
                  .path("recordingRetentionDays")
                  .asInt())
          .isEqualTo(30);
      assertThat(runRetention(temporal)).isZero();
      assertThat(
              api.get("/v1/recordings/" + recording.path("id").asText())
                  .body()
                  .path("status")
                  .asText())
          .isEqualTo("available");
      assertThat(object).exists();

      assertThat(
              operatorPatch(api, stack, tenant, "{\"recordingRetentionDays\":7}")
                  .path("recordingRetentionDays")
                  .asInt())
          .isEqualTo(7);
      assertThat(runRetention(temporal)).isEqualTo(1);
      assertThat(object).doesNotExist();
      assertThat(status(stack, recording.path("id").asText())).isEqualTo("deleted");
    }
  }

  /** A whole-call recording of a real call, available, then aged ten days in the database. */
  private static JsonNode tenDaysOldRecording(DevStack stack, CallsApi api) throws Exception {
    CallsApi.Reply created =
        api.post(
            "/v1/calls",
            """
        {"from":"+15550100","to":"+15550111","flow":"hello","record":true}""");
    assertThat(created.status()).isEqualTo(201);
    String callId = created.body().path("id").asText();
    assertThat(api.awaitFinal(callId, Duration.ofSeconds(60)).path("status").asText())
        .isEqualTo("completed");
    JsonNode[] recording = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              recording[0] =
                  api.get("/v1/calls/" + callId + "/recordings").body().path("data").path(0);
              return "available".equals(recording[0].path("status").asText());
            });
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement age =
            connection.prepareStatement(
                "UPDATE recordings SET created_at = now() - interval '10 days' WHERE id = ?")) {
      age.setObject(1, UUID.fromString(recording[0].path("id").asText()));
      assertThat(age.executeUpdate()).isEqualTo(1);
    }
    return recording[0];
  }

  private static JsonNode operatorPatch(CallsApi api, DevStack stack, String path, String body) {
    CallsApi.Reply reply =
        api.send(
            HttpRequest.newBuilder(URI.create(stack.manifest().apiUrl() + path))
                .header("Authorization", "Bearer " + stack.manifest().operatorKey())
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  private static int runRetention(TemporalConnection temporal) {
    RecordingRetentionWorkflow run =
        temporal
            .client()
            .newWorkflowStub(
                RecordingRetentionWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.CALLS)
                    .setWorkflowId(
                        RecordingRetentionWorkflow.WORKFLOW_ID + "-test-" + UUID.randomUUID())
                    .setWorkflowExecutionTimeout(Duration.ofSeconds(60))
                    .build());
    return run.deleteExpired();
  }

  private static String objectKey(DevStack stack, String recordingId) throws Exception {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT s3_key FROM recordings WHERE id = ?")) {
      query.setObject(1, UUID.fromString(recordingId));
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static String status(DevStack stack, String recordingId) throws Exception {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT status FROM recordings WHERE id = ?")) {
      query.setObject(1, UUID.fromString(recordingId));
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
