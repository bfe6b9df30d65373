package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.activities.esl.simulator.EslSimulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's link to FreeSWITCH fails in the middle of a call: the socket drops, the switch
 * stalls its replies, or it refuses the worker's password for a while. Each time the call still
 * ends as it should, its workflow does not hang, and it has exactly one CDR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallEndToEndLinkFaultsTest {
  private DevStack stack;
  private CallsApi api;

  @BeforeAll
  void startStack(@TempDir Path home) {
    stack =
        DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS).withPromptMillis(1500));
    api = new CallsApi(stack.manifest());
  }

  @AfterEach
  void healSwitch() {
    switchSim().stallReplies(false);
    switchSim().refuseAuth(false);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aLinkDroppedMidCallComesBackAndTheCallCompletes() throws Exception {
    String callId = callInProgress();

    switchSim().dropConnections();

    assertCompletedOnce(callId);
  }

  @Test
  void aLinkDroppedAsThePromptStartsLosesItsStartEventYetThePromptEndsAndTheCallCompletes()
      throws Exception {
    // The prompt's CHANNEL_EXECUTE goes out while the link is down; only its end is seen, after
    // the worker reconnected (the prompt plays 1.5 s, the reconnect takes a fraction of that).
    switchSim().dropConnectionsAfterReplyTo("uuid_broadcast");

    String callId = api.startCall("+15550100", "+15550111", "hello").body().path("id").asText();

    assertCompletedOnce(callId);
  }

  @Test
  void repliesStalledMidCallArriveLateAndTheCallCompletes() throws Exception {
    String callId = callInProgress();

    switchSim().stallReplies(true);
    Thread.sleep(1000);
    switchSim().stallReplies(false);

    assertCompletedOnce(callId);
  }

  @Test
  void whileTheSwitchRefusesTheWorkerTheCallWaitsThenCompletes() throws Exception {
    String callId = callInProgress();

    switchSim().refuseAuth(true);
    switchSim().dropConnections();
    Thread.sleep(3000);
    assertThat(api.get("/v1/calls/" + callId).body().path("status").asText())
        .isEqualTo("in-progress");
    switchSim().refuseAuth(false);

    assertCompletedOnce(callId);
  }

  private String callInProgress() {
    String callId = api.startCall("+15550100", "+15550111", "hello").body().path("id").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                "in-progress"
                    .equals(api.get("/v1/calls/" + callId).body().path("status").asText()));
    return callId;
  }

  private void assertCompletedOnce(String callId) throws Exception {
    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(60));
    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(call.path("hangupCause").asText()).isEqualTo("NORMAL_CLEARING");
    assertThat(CallRows.calls(stack, callId)).isEqualTo(1);
    assertThat(CallRows.completions(stack, callId)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> switchSim().liveChannels().isEmpty());
  }

  private EslSimulator switchSim() {
    return stack.simulator();
  }
}
