package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.activities.esl.simulator.ReceivedOriginate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker (in its own JVM) is SIGKILLed while a step waits on the switch: a gather for its
 * digits, a bridge for its leg's end, a record for its stop. Started again, the worker carries the
 * call on as it would have gone, with one CDR, and the simulator's command log shows nothing sent
 * twice. On the CLI dev server: the in-process test server never reschedules a dead worker's task.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerKilledMidStepTest {
  private static final Duration FINAL = Duration.ofSeconds(90);

  private Path home;
  private DevStack stack;
  private CallsApi api;

  @BeforeAll
  void startStack(@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) Path home) {
    TemporalCliRequirement.check();
    this.home = home;
    stack =
        DevStack.start(
            DevOptions.ephemeral(home, TemporalMode.CLI)
                .withRunWorker(false)
                .withPromptMillis(1000));
    api = new CallsApi(stack.manifest());
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aReminderWaitingForItsDigitGoesOnWhenTheCallerPressesOneAfterTheRestart()
      throws SQLException {
    String callId;
    String channel;
    try (WorkerProcess worker = startWorker()) {
      callId =
          created(
              """
          {"from":"+15550100","to":"+15550121","flow":"reminder"}""");
      channel = channelOf(callId);
      // The menu has played: the gather waits for the first digit.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  stack.simulator().playedMedia(channel).stream()
                      .anyMatch(p -> p.toString().contains(menu())));
      worker.kill();
    }
    try (WorkerProcess restarted = startWorker()) {
      // The retried gather asks the switch which step it has (only a retry does), then waits.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> count(c -> c.equals("api uuid_getvar " + channel + " irisx_step")) > 0);
      stack.simulator().pressDigits(channel, "1");

      JsonNode call = awaitFinal(callId);

      assertThat(call.path("status").asText()).isEqualTo("completed");
      assertThat(call.path("metadata").path("reminder").asText()).isEqualTo("confirmed");
      assertThat(timeline(callId))
          .containsSubsequence("call.answered", "call.gathered", "call.hangup", "call.completed")
          .doesNotContain("call.gather-retry");
      assertThat(count(c -> c.contains("uuid_broadcast " + channel) && c.contains(menu())))
          .as("the menu is broadcast once")
          .isEqualTo(1);
      assertOneCdr(callId);
    }
  }

  @Test
  void aClickToCallBridgedWhenItsWorkerDiesEndsWhenTheCustomerHangsUp() throws SQLException {
    String customer = "+15550131";
    long since = System.currentTimeMillis() * 1000;
    String callId;
    try (WorkerProcess worker = startWorker()) {
      callId =
          created(
              """
              {"from":"+15550100","to":"+15550122","flow":"click-to-call",
               "params":{"customer":"%s"}}"""
                  .formatted(customer));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> timeline(callId).contains("call.dial-bridged"));
      worker.kill();
    }
    List<ReceivedOriginate> legs =
        stack.simulator().receivedOriginates(since).stream()
            .filter(o -> customer.equals(o.destination()) || o.destination().endsWith("0131"))
            .toList();
    assertThat(legs).as("the customer is dialled once").hasSize(1);
    try (WorkerProcess restarted = startWorker()) {
      String leg =
          stack.simulator().liveChannels().stream()
              .filter(c -> c.destination() != null && c.destination().endsWith("0131"))
              .findFirst()
              .orElseThrow()
              .uuid();
      stack.simulator().hangUpFarEnd(leg, null);

      JsonNode call = awaitFinal(callId);

      assertThat(call.path("status").asText()).isEqualTo("completed");
      assertThat(call.path("metadata").path("clickToCall").asText()).isEqualTo("bridged");
      assertThat(call.path("metadata").path("dial.outcome").asText()).isEqualTo("bridged");
      assertThat(timeline(callId))
          .containsSubsequence("call.dial-bridged", "call.dial-ended", "call.completed");
      assertThat(
              stack.simulator().receivedOriginates(since).stream()
                  .filter(o -> o.destination().endsWith("0131")))
          .as("the customer is dialled once")
          .hasSize(1);
      assertThat(count(c -> c.startsWith("api uuid_bridge"))).isEqualTo(1);
      assertOneCdr(callId);
    }
  }

  @Test
  void aVoicemailRecordingWhenItsWorkerDiesLandsOnceTheCallerHangsUp() throws SQLException {
    String callId;
    String channel;
    try (WorkerProcess worker = startWorker()) {
      callId =
          created(
              """
              {"from":"+15550100","to":"+15550123","flow":"voicemail",
               "params":{"silenceSeconds":0,"maxSeconds":60}}""");
      channel = channelOf(callId);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> count(c -> c.startsWith("api uuid_record " + channel + " start")) > 0);
      worker.kill();
    }
    try (WorkerProcess restarted = startWorker()) {
      stack.simulator().hangUpFarEnd(channel, null);

      JsonNode call = awaitFinal(callId);

      assertThat(call.path("status").asText()).isEqualTo("completed");
      String recordingId = call.path("metadata").path("recordingId").asText();
      assertThat(recordingId).isNotEmpty();
      JsonNode[] recording = new JsonNode[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                recording[0] = api.get("/v1/recordings/" + recordingId).body();
                String status = recording[0].path("status").asText();
                return "available".equals(status) || "failed".equals(status);
              });
      if ("failed".equals(recording[0].path("status").asText())) {
        assertThat(recording[0].path("failureReason").asText()).isNotEmpty();
      }
      assertThat(api.get("/v1/calls/" + callId + "/recordings").body().path("data")).hasSize(1);
      assertThat(count(c -> c.startsWith("api uuid_record " + channel + " start")))
          .as("recorded once")
          .isEqualTo(1);
      assertOneCdr(callId);
    }
  }

  /**
   * A worker JVM, once it has subscribed to the switch's events: what the far end does before that
   * would be lost to it (a busy machine takes many seconds to start one).
   */
  private WorkerProcess startWorker() {
    long subscribed = count(c -> c.startsWith("event plain"));
    WorkerProcess worker =
        WorkerProcess.start(stack.workerConfig(), home.resolve("logs/worker-process.log"));
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> count(c -> c.startsWith("event plain")) > subscribed);
    return worker;
  }

  private String created(String body) {
    CallsApi.Reply created = api.post("/v1/calls", body);
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  private String channelOf(String callId) {
    String[] uuid = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              uuid[0] =
                  stack.simulator().liveChannels().stream()
                      .filter(c -> callId.equals(c.callId()))
                      .map(c -> c.uuid())
                      .findFirst()
                      .orElse(null);
              return uuid[0] != null;
            });
    return uuid[0];
  }

  private static String menu() {
    return "ivr-please_choose_from_the_following";
  }

  private long count(Predicate<String> command) {
    return stack.simulator().receivedCommands().stream().filter(command).count();
  }

  private JsonNode awaitFinal(String callId) {
    try {
      return api.awaitFinal(callId, FINAL);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the call did not finish; its history:\n" + history(callId), e);
    }
  }

  private void assertOneCdr(String callId) throws SQLException {
    assertThat(CallRows.calls(stack, callId)).isEqualTo(1);
    assertThat(CallRows.completions(stack, callId)).isEqualTo(1);
  }

  private List<String> timeline(String callId) throws SQLException {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select event_type from call_logs where call_id = ? order by sequence")) {
      query.setObject(1, UUID.fromString(callId));
      List<String> events = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          events.add(rows.getString(1));
        }
      }
      return events;
    }
  }

  private String history(String callId) {
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
