package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./irisx dev} starts again after its JVM was killed with {@code kill -9}: PostgreSQL, Redis
 * and the temporal CLI dev server, processes of their own, outlived it on the stack's ports; the
 * next start stops them (their pid files say which) and runs calls on the same ports and data.
 */
class DevRestartAfterKillTest {
  private static final Duration START = Duration.ofSeconds(180);

  @Test
  void aStackWhoseJvmWasKilledStartsAgainOnTheSamePortsAndHome(@TempDir Path home)
      throws Exception {
    TemporalCliRequirement.check();
    int base = FreePorts.base();
    Path console = home.resolve("first-run-console.txt");
    Process first = startInItsOwnJvm(home, base, console);
    long postgres = 0;
    long temporal = 0;
    long redis = 0;
    try {
      JsonNode devJson = awaitDevJson(home, first);
      assertThat(devJson.path("temporalUiUrl").asText())
          .isEqualTo("http://127.0.0.1:" + (base + 9));
      postgres = pid(home.resolve(LeftoverProcesses.POSTGRES_PID_FILE));
      temporal = pid(home.resolve(LeftoverProcesses.TEMPORAL_PID_FILE));
      redis = pid(home.resolve(LeftoverProcesses.REDIS_PID_FILE));
    } finally {
      first.destroyForcibly(); // kill -9: no shutdown hook runs
      first.waitFor();
    }
    try {
      startsAgain(home, base, console, postgres, temporal, redis);
    } finally {
      // Whatever the outcome, nothing of the killed run outlives the test.
      for (long pid : new long[] {postgres, temporal, redis}) {
        ProcessHandle.of(pid).filter(p -> pid > 0 && p.isAlive()).ifPresent(ProcessHandle::destroy);
      }
    }
  }

  private static void startsAgain(
      Path home, int base, Path console, long postgres, long temporal, long redis)
      throws Exception {
    // What a killed stack leaves behind, holding its ports.
    assertThat(alive(postgres)).as("PostgreSQL outlives the killed JVM").isTrue();
    assertThat(alive(temporal)).as("the temporal CLI outlives the killed JVM").isTrue();
    assertThat(alive(redis)).as("Redis outlives the killed JVM").isTrue();
    String firstConsole = Files.readString(console, StandardCharsets.UTF_8);
    assertThat(firstConsole)
        .as("the console of a start")
        .contains("ready in")
        .doesNotContain("WARN")
        .doesNotContain("LogbackAccessRequestLog")
        .doesNotContain("|-");

    DevOptions again =
        DevOptions.defaults(home)
            .withTemporalMode(TemporalMode.CLI)
            .withPorts(DevPorts.fromBase(base));
    try (DevStack stack = DevStack.start(again)) {
      assertThat(alive(postgres)).as("the previous run's PostgreSQL").isFalse();
      assertThat(alive(temporal)).as("the previous run's Temporal").isFalse();
      assertThat(alive(redis)).as("the previous run's Redis").isFalse();
      assertThat(stack.manifest().apiUrl()).isEqualTo("http://127.0.0.1:" + base);
      CallsApi api = new CallsApi(stack.manifest());
      CallsApi.Reply created = api.startCall("+15550100", "+15550111", "hello");
      assertThat(created.status()).isEqualTo(201);
      assertThat(
              api.awaitFinal(created.body().path("id").asText(), Duration.ofSeconds(60))
                  .path("status")
                  .asText())
          .isEqualTo("completed");
    }
    assertThat(DevStack.manifestFile(home)).doesNotExist();
  }

  /** {@code ./irisx dev --home H --ports BASE --temporal cli}, as the launcher runs it. */
  private static Process startInItsOwnJvm(Path home, int base, Path console) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
    if (Runtime.version().feature() >= 24) {
      // As the launcher runs it: the libraries' Unsafe warnings are not the stack's.
      command.addAll(
          List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            IrisxDevApplication.class.getName(),
            "dev",
            "--home",
            home.toString(),
            "--ports",
            Integer.toString(base),
            "--temporal",
            "cli"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(console.toFile())
        .start();
  }

  /** The dev.json of {@code stack}: it is ready. */
  private static JsonNode awaitDevJson(Path home, Process stack) {
    Path file = DevStack.manifestFile(home);
    return Awaitility.await("the dev.json of process " + stack.pid())
        .atMost(START)
        .pollInterval(Duration.ofMillis(200))
        .failFast("the stack's JVM ended while starting", () -> !stack.isAlive())
        .until(
            () -> read(file).filter(json -> json.path("pid").asLong() == stack.pid()),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<JsonNode> read(Path file) {
    try {
      return Optional.of(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException notYet) {
      return Optional.empty();
    }
  }

  private static long pid(Path pidFile) throws IOException {
    return Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
