package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslLinkPolicy;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatedChannelView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's ESL link is cut while many calls are up, and stays cut (the switch refuses the
 * worker) while a third of them end at the far end: once the link is back every call ends, with one
 * CDR; those that ended in the gap are ended by the node reconciler, never billed past their real
 * end, and no earlier than the reconciler's period before the cut. The suite runs 12 calls and a 6
 * s cut; {@code -Dirisx.linkCut.calls=50 -Dirisx.linkCut.seconds=30} runs the full size.
 */
class LinkCutWhileCallsAreUpTest {
  private static final int CALLS = Integer.getInteger("irisx.linkCut.calls", 12);
  private static final Duration CUT =
      Duration.ofSeconds(Integer.getInteger("irisx.linkCut.seconds", 6));

  @Test
  void everyCallEndsOnceAndThoseEndedInTheGapAreNotBilledPastTheirEnd(@TempDir Path home)
      throws Exception {
    // Prompts of ten minutes: every call stays up, in its prompt step, until it is ended.
    try (DevStack stack =
        DevStack.start(
            DevOptions.ephemeral(home, TemporalMode.IN_PROCESS).withPromptMillis(600_000))) {
      CallsApi api = new CallsApi(stack.manifest());
      EslSimulator sim = stack.simulator();
      List<String> calls = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        CallsApi.Reply created = api.startCall("+15550100", "+155501%02d111".formatted(i), "hello");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        calls.add(created.body().path("id").asText());
      }
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> channelsByCall(sim).size() == CALLS && playingAll(sim));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        List<String> statuses = new ArrayList<>();
        for (String callId : calls) {
          statuses.add(api.get("/v1/calls/" + callId).body().path("status").asText());
        }
        throw new AssertionError(
            "not all calls up and playing: " + sim.liveChannels() + "; statuses " + statuses, e);
      }
      Map<String, String> channels = channelsByCall(sim);

      Instant cutAt = Instant.now();
      sim.refuseAuth(true);
      sim.dropConnections();
      Thread.sleep(CUT.toMillis() / 3);
      Map<String, Instant> endedInGap = new HashMap<>();
      for (String callId : calls.subList(0, CALLS / 3)) {
        sim.hangUpFarEnd(channels.get(callId), "NORMAL_CLEARING");
        endedInGap.put(callId, Instant.now());
      }
      Thread.sleep(CUT.toMillis() - CUT.toMillis() / 3);
      sim.refuseAuth(false);

      // The reconciler ends the vanished calls after the reconnect; the others are still up.
      for (String callId : endedInGap.keySet()) {
        JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(60));
        assertThat(call.path("hangupCause").asText())
            .as(call.toString())
            .isEqualTo(EslConnection.RECONCILED_CAUSE);
        assertThat(call.path("hungUpBy").asText()).as(call.toString()).isEqualTo("platform");
        Instant endedAt = Instant.parse(call.path("endedAt").asText());
        assertThat(endedAt)
            .as("%s ended in the gap at %s", callId, endedInGap.get(callId))
            .isBeforeOrEqualTo(endedInGap.get(callId))
            .isAfterOrEqualTo(cutAt.minus(EslLinkPolicy.DEFAULT_RECONCILE_PERIOD));
      }
      List<String> stillUp = calls.subList(CALLS / 3, CALLS);
      for (String callId : stillUp) {
        assertThat(api.get("/v1/calls/" + callId).body().path("status").asText())
            .as(callId)
            .isEqualTo("in-progress");
        CallsApi.Reply hangup =
            api.post("/v1/calls/" + callId + "/hangup", "{\"cause\":\"NORMAL_CLEARING\"}");
        assertThat(hangup.status()).as(hangup.body().toString()).isEqualTo(200);
      }
      for (String callId : stillUp) {
        JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(60));
        assertThat(call.path("status").asText()).as(call.toString()).isEqualTo("completed");
        assertThat(call.path("hangupCause").asText()).isEqualTo("NORMAL_CLEARING");
      }
      for (String callId : calls) {
        assertThat(CallRows.calls(stack, callId)).as(callId).isEqualTo(1);
        assertThat(CallRows.completions(stack, callId)).as(callId).isEqualTo(1);
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> sim.liveChannels().isEmpty());
    }
  }

  private static Map<String, String> channelsByCall(EslSimulator sim) {
    Map<String, String> byCall = new HashMap<>();
    for (SimulatedChannelView channel : sim.liveChannels()) {
      if (channel.callId() != null && channel.answered()) {
        byCall.put(channel.callId(), channel.uuid());
      }
    }
    return byCall;
  }

  private static boolean playingAll(EslSimulator sim) {
    return sim.liveChannels().stream().allMatch(c -> "playback".equals(c.application()));
  }
}
