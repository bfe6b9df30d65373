package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FreeSWITCH restarts in the middle of a call: the channel is gone without a single event. The
 * worker's link comes back, finds the channel missing and ends the call with a cause, instead of
 * leaving its workflow waiting for a hangup that will never come.
 */
class CallEndToEndSwitchRestartTest {

  @Test
  void aCallWhoseSwitchRestartedEndsWithNormalTemporaryFailure(@TempDir Path home) {
    // The prompt plays for a minute, so only the reconciliation can end this call in time.
    DevOptions options =
        DevOptions.ephemeral(home, TemporalMode.IN_PROCESS).withPromptMillis(60_000);
    try (DevStack stack = DevStack.start(options)) {
      CallsApi api = new CallsApi(stack.manifest());
      String callId = api.startCall("+15550100", "+15550111", "hello").body().path("id").asText();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  "in-progress"
                          .equals(api.get("/v1/calls/" + callId).body().path("status").asText())
                      && !stack.simulator().liveChannels().isEmpty());

      stack.simulator().restart();

      JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(20));
      assertThat(call.path("hangupCause").asText()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
      assertThat(call.path("hangupCauseCode").asInt()).isEqualTo(41);
      assertThat(call.path("answeredAt").isNull()).isFalse();
    }
  }
}
