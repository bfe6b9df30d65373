package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.activities.esl.simulator.PlayedMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/calls/{id}/play} while the flow's prompt plays. The switch queues a broadcast
 * behind the playing prompt, so the hello flow (prompt, then hang up) used to cut it before a word
 * was heard. Now {@code interrupt} (the default) cuts the prompt and plays the media at once,
 * {@code queue} plays it after the prompt and says so; the flow hangs up only once it has been
 * heard.
 */
class LivePlayDuringPromptEndToEndTest {
  private static final String PROMPT = "ivr/ivr-welcome.wav";
  private static final String LIVE = "ivr/live-announcement.wav";

  @TempDir static Path home;
  private static DevStack stack;
  private static CallsApi api;

  @BeforeAll
  static void startStack() {
    stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
    api = new CallsApi(stack.manifest());
    stack.simulator().mediaLength(PROMPT, Duration.ofSeconds(4));
    stack.simulator().mediaLength(LIVE, Duration.ofMillis(500));
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void aLivePlayInterruptsThePromptAndIsHeardBeforeTheFlowHangsUp() {
    String callId = api.startCall("+15550100", "+15550121", "hello").body().path("id").asText();
    String channel = awaitPrompt();

    CallsApi.Reply played =
        api.post("/v1/calls/" + callId + "/play", "{\"file\":\"" + LIVE + "\"}");

    assertThat(played.status()).isEqualTo(200);
    assertThat(played.body().path("playMode").asText()).isEqualTo("interrupt");
    assertThat(played.body().path("queued").asBoolean()).isFalse();
    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(30));
    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(stack.simulator().playedMedia(channel))
        .containsExactly(
            new PlayedMedia(channel, PROMPT, "break"), new PlayedMedia(channel, LIVE, "done"));
    assertThat(stack.simulator().receivedCommands())
        .containsSubsequence(
            "api uuid_break " + channel + " all",
            "api uuid_broadcast " + channel + " " + LIVE + " aleg",
            "api uuid_kill " + channel + " NORMAL_CLEARING");
  }

  @Test
  void aQueuedLivePlayWaitsForThePromptAndTheAnswerSaysSo() {
    String callId = api.startCall("+15550100", "+15550122", "hello").body().path("id").asText();
    String channel = awaitPrompt();

    CallsApi.Reply played =
        api.post("/v1/calls/" + callId + "/play", "{\"file\":\"" + LIVE + "\",\"mode\":\"queue\"}");

    assertThat(played.status()).isEqualTo(200);
    assertThat(played.body().path("playMode").asText()).isEqualTo("queue");
    assertThat(played.body().path("queued").asBoolean()).isTrue();
    api.awaitFinal(callId, Duration.ofSeconds(30));
    assertThat(stack.simulator().playedMedia(channel))
        .containsExactly(
            new PlayedMedia(channel, PROMPT, "done"), new PlayedMedia(channel, LIVE, "done"));
    assertThat(stack.simulator().receivedCommands())
        .doesNotContain("api uuid_break " + channel + " all");
  }

  @Test
  void anUnknownModeIsRefusedNamingTheField() {
    String callId = api.startCall("+15550100", "+15550123", "hello").body().path("id").asText();
    awaitPrompt();

    CallsApi.Reply refused =
        api.post("/v1/calls/" + callId + "/play", "{\"file\":\"" + LIVE + "\",\"mode\":\"later\"}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().toString()).contains("mode");
  }

  /** The channel whose hello prompt the switch is playing now. */
  private static String awaitPrompt() {
    String suffix = " " + PROMPT + " aleg";
    List<String> before = stack.simulator().receivedCommands();
    Optional<String> command =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    stack.simulator().receivedCommands().stream()
                        .skip(before.size())
                        .filter(c -> c.startsWith("api uuid_broadcast ") && c.endsWith(suffix))
                        .findFirst(),
                Optional::isPresent);
    String channel = command.orElseThrow().split(" ")[2];
    // The switch picks the broadcast up about 200 ms later; the prompt then plays for 4 s.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                stack.simulator().liveChannels().stream()
                    .anyMatch(c -> c.uuid().equals(channel) && "playback".equals(c.application())));
    return channel;
  }
}
