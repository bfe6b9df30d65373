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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker processes (own JVMs, one beside each of two simulated switches) serve the same calls
 * while a stream of calls keeps coming, and both are restarted one after the other with SIGTERM, as
 * an orchestrator rolls out a new version. Every call completes with exactly one CDR and no channel
 * is left up: a call whose worker went away carries on on the other worker (its workflow tasks) or
 * on the same worker once it is back (its node's commands). Runs on the real {@code temporal} dev
 * server.
 */
class RollingRestartUnderLoadTest {
  private static final Duration BETWEEN_CALLS = Duration.ofMillis(1000);
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(45);

  @Test
  void everyCallCompletesOnceThroughARollingRestartOfBothWorkers(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path home) throws Exception {
    TemporalCliRequirement.check();
    DevOptions options =
        DevOptions.ephemeral(home, TemporalMode.CLI).withRunWorker(false).withPromptMillis(1500);
    try (DevStack stack = DevStack.start(options);
        EslSimulator secondSwitch =
            EslSimulator.start(
                SimulatorOptions.defaults()
                    .withPort(0)
                    .withPassword(DevStack.ESL_PASSWORD)
                    .withDefaultPlayback(Duration.ofMillis(1500)))) {
      DevManifest m = stack.manifest();
      Path configA = stack.workerConfig();
      int portB = LocalPorts.resolve(0);
      Path configB =
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
              portB,
              "node-2");
      String readyA = "http://127.0.0.1:" + DevConfigFilesPort.of(configA) + "/admin/ready";
      String readyB = "http://127.0.0.1:" + portB + "/admin/ready";
      Path logA = home.resolve("logs/worker-a.log");
      Path logB = home.resolve("logs/worker-b.log");
      CallsApi api = new CallsApi(m);
      List<String> calls = new CopyOnWriteArrayList<>();
      List<String> refused = new CopyOnWriteArrayList<>();
      AtomicBoolean loading = new AtomicBoolean(true);

      WorkerProcess a = WorkerProcess.start(configA, logA);
      WorkerProcess b = WorkerProcess.start(configB, logB);
      try {
        awaitReady(readyA);
        awaitReady(readyB);
        Thread load =
            Thread.ofVirtual()
                .start(
                    () -> {
                      for (int i = 0; loading.get(); i++) {
                        CallsApi.Reply created =
                            api.startCall("+15550100", "+1555013" + (1000 + i), "hello");
                        if (created.status() == 201) {
                          calls.add(created.body().path("id").asText());
                        } else {
                          refused.add(created.status() + " " + created.body());
                        }
                        pause(BETWEEN_CALLS);
                      }
                    });
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.size() >= 4);

        assertThat(a.terminate(STOP_PATIENCE)).as("worker A exits after SIGTERM").isTrue();
        pause(Duration.ofSeconds(2));
        a = WorkerProcess.start(configA, logA);
        awaitReady(readyA);

        assertThat(b.terminate(STOP_PATIENCE)).as("worker B exits after SIGTERM").isTrue();
        pause(Duration.ofSeconds(2));
        b = WorkerProcess.start(configB, logB);
        awaitReady(readyB);
        int before = calls.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() >= before + 3);
        loading.set(false);
        load.join(Duration.ofSeconds(10));

        assertThat(refused).as("calls the API refused").isEmpty();
        assertThat(calls.size()).as("calls started over the rolling restart").isBetween(10, 60);
        for (String callId : calls) {
          assertThat(api.awaitFinal(callId, Duration.ofSeconds(90)).path("status").asText())
              .as("call " + callId)
              .isEqualTo("completed");
          assertThat(CallRows.calls(stack, callId)).as("rows of call " + callId).isEqualTo(1);
          assertThat(CallRows.completions(stack, callId)).as("CDRs of call " + callId).isEqualTo(1);
        }
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    stack.simulator().liveChannels().isEmpty()
                        && secondSwitch.liveChannels().isEmpty());
        System.out.printf("rolling restart: %d calls, all completed once%n", calls.size());
      } finally {
        loading.set(false);
        a.close();
        b.close();
      }
    }
  }

  private static void awaitReady(String url) {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  /** Paces the load and spaces the restarts; not a wait for a condition. */
  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The admin port written into a worker's YAML. */
  private static final class DevConfigFilesPort {
    static int of(Path config) throws java.io.IOException {
      java.util.regex.Matcher port =
          java.util.regex.Pattern.compile("port: (\\d+)")
              .matcher(java.nio.file.Files.readString(config));
      assertThat(port.find()).isTrue();
      return Integer.parseInt(port.group(1));
    }
  }
}
