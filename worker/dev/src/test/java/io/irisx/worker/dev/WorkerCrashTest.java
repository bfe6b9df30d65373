package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker running a call dies (SIGKILL, in its own JVM) while the call is up; the events the
 * switch sends meanwhile are lost. Started again, the worker carries the call to its end, and the
 * call has exactly one CDR.
 *
 * <p>It runs on the real Temporal server (the CLI dev server). The in-process test server never
 * moves a workflow task off a dead worker's sticky queue, so there a call whose worker dies while a
 * workflow task is pending waits for ever; a real server reschedules it after five seconds.
 */
class WorkerCrashTest {

  @Test
  void aCallSurvivesItsWorkerBeingKilledMidCall(
      @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) Path home)
      throws SQLException {
    TemporalCliRequirement.check();
    // A three-second prompt keeps the call up long enough to kill the worker in the middle of it.
    DevOptions options =
        DevOptions.ephemeral(home, TemporalMode.CLI).withRunWorker(false).withPromptMillis(3000);
    try (DevStack stack = DevStack.start(options)) {
      CallsApi api = new CallsApi(stack.manifest());
      Path workerLog = home.resolve("logs/worker-process.log");
      String callId;
      try (WorkerProcess worker = WorkerProcess.start(stack.workerConfig(), workerLog)) {
        callId = startHelloCall(api);
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    "in-progress"
                        .equals(api.get("/v1/calls/" + callId).body().path("status").asText()));

        worker.kill();
        assertThat(worker.isAlive()).isFalse();
      }
      // The prompt ends while no worker is there to hear it. The switch keeps saying
      // application=playback after a prompt ends, so ask which of the channel's prompts ended.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  stack.simulator().liveChannels().stream()
                      .filter(c -> callId.equals(c.callId()))
                      .anyMatch(c -> !stack.simulator().playedMedia(c.uuid()).isEmpty()));

      try (WorkerProcess restarted = WorkerProcess.start(stack.workerConfig(), workerLog)) {
        JsonNode call;
        try {
          call = api.awaitFinal(callId, Duration.ofSeconds(90));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError(
              "the call did not finish; its history:\n" + history(stack, callId), e);
        }

        assertThat(call.path("status").asText()).isEqualTo("completed");
        assertThat(call.path("hangupCause").asText()).isEqualTo("NORMAL_CLEARING");
        assertThat(call.path("answeredAt").isNull()).isFalse();
        assertThat(CallRows.calls(stack, callId)).isEqualTo(1);
        assertThat(CallRows.completions(stack, callId)).isEqualTo(1);
        assertThat(stack.simulator().liveChannels()).isEmpty();
      }
    }
  }

  /** Placed once the worker has announced its node (the call waits for a node until then). */
  private static String startHelloCall(CallsApi api) {
    CallsApi.Reply created = api.startCall("+15550100", "+15550111", "hello");
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  /** The workflow's history, to see where a stuck call waits. */
  private static String history(DevStack stack, String callId) {
    try (io.irisx.temporal.TemporalConnection temporal =
        io.irisx.temporal.TemporalConnection.open(
            new io.irisx.temporal.TemporalSettings(
                stack.manifest().temporalAddress(), "default"))) {
      return temporal
          .client()
          .fetchHistory(io.irisx.workflows.call.CallRequest.workflowId(callId))
          .toJson(true);
    } catch (RuntimeException e) {
      return "unavailable: " + e;
    }
  }
}
