package io.irisx.worker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.cost.HistoryCost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench harness end to end on a tiny scenario (not a benchmark): it measures every stage of
 * every call, and its loss check fails when a call is lost.
 */
class BenchHarnessTest {
  @TempDir static Path home;
  private static BenchStack stack;

  @BeforeAll
  static void startStack() {
    stack =
        BenchStack.start(
            new BenchStackOptions(home.resolve("stack"), BenchBackend.IN_PROCESS, null, 1000));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private static BenchOptions tinyHello(boolean baseline, Duration drain) {
    return tinyHello(baseline, drain, 0);
  }

  private static BenchOptions tinyHello(boolean baseline, Duration drain, int warmup) {
    return new BenchOptions(
        Scenario.HELLO,
        3,
        3,
        4,
        Duration.ZERO,
        drain,
        baseline,
        BenchBackend.IN_PROCESS,
        null,
        1000,
        true,
        home.resolve("out"),
        warmup);
  }

  @Test
  void aTinyHelloRunMeasuresEveryCallAndItsBaseline() throws Exception {
    BenchResult result =
        new BenchRun(stack.info(), tinyHello(true, Duration.ofSeconds(30)), callId -> {}).run();

    assertThat(result.loss().ok()).as(String.valueOf(result.loss().missing())).isTrue();
    assertThat(result.loss().accepted()).isEqualTo(3);
    assertThat(result.loss().originates()).isEqualTo(3);
    assertThat(result.loss().cdrs()).isEqualTo(3);
    assertThat(result.irisx().post().count()).isEqualTo(3);
    assertThat(result.irisx().apiToOriginate().count()).isEqualTo(3);
    assertThat(result.irisx().apiToOriginate().p50Ms()).isPositive();
    assertThat(result.irisx().hangupToCdr().count()).isEqualTo(3);
    assertThat(result.baseline().completed()).isEqualTo(3);
    assertThat(result.baseline().activities()).isGreaterThan(1);
    assertThat(result.throughputRatio()).isPositive();
    assertThat(BenchDriver.exitCode(result)).isZero();

    Path json = BenchReport.write(result, home.resolve("out"));
    assertThat(Files.readString(json))
        .contains("\"scenario\" : \"hello\"")
        .contains("\"apiToOriginate\"");
    assertThat(print(result)).contains("loss check: OK").contains("API to originate");
  }

  @Test
  void aTinyHelloRunCountsWhatItsCallsCost() throws Exception {
    List<String> callIds = new CopyOnWriteArrayList<>();
    BenchResult result =
        new BenchRun(stack.info(), tinyHello(false, Duration.ofSeconds(30), 1), callIds::add).run();

    assertThat(result.loss().ok()).as(String.valueOf(result.loss().missing())).isTrue();
    assertThat(result.warmupCalls()).isEqualTo(1);
    assertThat(callIds).as("the warm-up call is not measured").hasSize(3);

    BenchResult.EngineCost engine = result.engine();
    assertThat(engine.calls()).isEqualTo(3);
    HistoryCost expected = HistoryCost.NONE;
    try (TemporalConnection temporal = BenchRun.temporal(stack.info())) {
      for (String callId : callIds) {
        expected =
            expected.plus(
                HistoryCost.of(temporal.client().fetchHistory("call-" + callId).getEvents()));
      }
    }
    assertThat(engine.callWorkflows()).isEqualTo(expected);
    assertThat(engine.callWorkflows().workflowTasks()).isPositive();
    assertThat(engine.callWorkflows().billableActions()).isPositive();
    // The bench subscribes an endpoint to every event: each call's webhooks run in workflows too.
    assertThat(engine.workflows()).isGreaterThan(engine.calls());
    assertThat(engine.allWorkflows().workflowTasks())
        .isGreaterThan(engine.callWorkflows().workflowTasks());
    assertThat(engine.allWorkflows().events()).isGreaterThan(engine.callWorkflows().events());

    assertThat(result.irisx().answerToFirstAudio().count()).isEqualTo(3);
    assertThat(result.irisx().answerToFirstAudio().p99Ms()).isNotNegative();
    assertThat(result.sql().perCall()).isGreaterThan(result.sql().transactionControlPerCall());
    assertThat(result.sql().top()).isNotEmpty();
    if (ProcessCpu.available()) {
      assertThat(result.cpu().stackJvm()).isPositive();
      assertThat(result.cpu().irisxDatabase()).isPositive();
    }
    assertThat(result.cpu().temporal()).as("in-process: inside the stack JVM").isNull();

    assertThat(print(result))
        .contains("answer to first audio")
        .contains("workflow tasks")
        .contains("billable actions")
        .contains("SQL statements/call");
  }

  @Test
  void aCallLostOnTheWayFailsTheLossCheck() throws Exception {
    AtomicBoolean lostOne = new AtomicBoolean();
    try (TemporalConnection temporal = BenchRun.temporal(stack.info())) {
      BenchResult result =
          new BenchRun(
                  stack.info(),
                  tinyHello(false, Duration.ofSeconds(5)),
                  callId -> {
                    if (lostOne.compareAndSet(false, true)) {
                      // The call's workflow dies before its CDR: exactly what the check must catch.
                      temporal
                          .client()
                          .newUntypedWorkflowStub("call-" + callId)
                          .terminate("lost on purpose by the test");
                    }
                  })
              .run();

      assertThat(result.loss().ok()).isFalse();
      assertThat(result.loss().accepted()).isEqualTo(3);
      assertThat(result.loss().cdrs()).isEqualTo(2);
      assertThat(result.loss().missing())
          .anySatisfy(m -> assertThat(m).startsWith("1 accepted call(s) without a CDR"));
      assertThat(BenchDriver.exitCode(result)).isEqualTo(1);
      assertThat(print(result)).contains("LOSS CHECK FAILED");
    }
  }

  private static String print(BenchResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
