package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two FreeSWITCH nodes, each with its own worker (the second in its own JVM): calls are spread over
 * both, and every command of a call reaches only the node that dialled it.
 */
class CallsSpreadOverTwoNodesTest {
  private static final int CALLS = 8;

  @Test
  void callsAreSpreadAndEachCallStaysOnItsNode(@TempDir Path home) throws Exception {
    DevOptions options = DevOptions.ephemeral(home, TemporalMode.IN_PROCESS).withPromptMillis(300);
    try (DevStack stack = DevStack.start(options);
        EslSimulator secondSwitch =
            EslSimulator.start(
                SimulatorOptions.defaults()
                    .withPort(0)
                    .withPassword(DevStack.ESL_PASSWORD)
                    .withDefaultPlayback(Duration.ofMillis(300)))) {
      DevManifest m = stack.manifest();
      int secondWorkerPort = LocalPorts.resolve(0);
      Path secondConfig =
          DevConfigFiles.writeWorkerConfig(
              home.resolve("node-2"),
              new DevConfigFiles.Endpoints(
                  m.databaseUrl(),
                  m.temporalAddress(),
                  m.redisAddress(),
                  secondSwitch.host(),
                  secondSwitch.port(),
                  DevStack.ESL_PASSWORD,
                  "sofia/gateway/irisx/{to}"),
              secondWorkerPort,
              "node-2");
      try (WorkerProcess secondWorker =
          WorkerProcess.start(secondConfig, home.resolve("logs/node-2.log"))) {
        awaitHealthy("http://127.0.0.1:" + secondWorkerPort + "/admin/healthcheck");
        CallsApi api = new CallsApi(m);

        List<String> callIds = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          callIds.add(
              api.startCall("+15550100", "+1555012" + (3000 + i), "hello")
                  .body()
                  .path("id")
                  .asText());
        }
        for (String callId : callIds) {
          assertThat(api.awaitFinal(callId, Duration.ofSeconds(60)).path("status").asText())
              .isEqualTo("completed");
        }

        EslSimulator firstSwitch = stack.simulator();
        long onFirst = callIds.stream().filter(id -> originated(firstSwitch, id)).count();
        long onSecond = callIds.stream().filter(id -> originated(secondSwitch, id)).count();
        assertThat(onFirst).as("calls dialled on node-1").isPositive();
        assertThat(onSecond).as("calls dialled on node-2").isPositive();
        assertThat(onFirst + onSecond).isEqualTo(CALLS);
        for (String callId : callIds) {
          String channel = api.get("/v1/calls/" + callId).body().path("nodeId").asText();
          EslSimulator own = "node-1".equals(channel) ? firstSwitch : secondSwitch;
          EslSimulator other = own == firstSwitch ? secondSwitch : firstSwitch;
          assertThat(originated(own, callId))
              .as("call %s dialled on its own node %s", callId, channel)
              .isTrue();
          assertThat(originated(other, callId))
              .as("call %s never reaches the other node", callId)
              .isFalse();
        }
      }
    }
  }

  private static boolean originated(EslSimulator node, String callId) {
    return node.receivedCommands().stream()
        .anyMatch(c -> c.contains("originate") && c.contains(callId));
  }

  private static void awaitHealthy(String url) {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
  }
}
