package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped dial flows through every layer: the API, the call workflow on Temporal, the worker's
 * ESL activities over TCP on the simulator, the second leg's events back through the event bridge
 * (by the call id it carries), spoken prompts, and one CDR per call with the dial in its metadata.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialFlowsEndToEndTest {
  /** Simulator numbers: ...0006 answers and hangs up 2 s later; ...0001 is busy. */
  private static final String ANSWERS_THEN_HANGS_UP = "+15550006";

  private static final String BUSY = "+15550001";

  private DevStack stack;
  private CallsApi api;

  @BeforeAll
  void startStack(@TempDir Path home) {
    stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
    api = new CallsApi(stack.manifest());
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void clickToCallWhispersToTheAgentThenBridgesTheCustomerUntilTheyHangUp() throws SQLException {
    CallsApi.Reply created =
        api.post(
            "/v1/calls",
            """
            {"from": "+15550100", "to": "+15550111", "flow": "click-to-call",
             "params": {"customer": "%s", "whisper": "say:Connecting you to your customer"}}
            """
                .formatted(ANSWERS_THEN_HANGS_UP));
    assertThat(created.status()).isEqualTo(201);
    String callId = created.body().path("id").asText();

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(30));

    assertThat(call.path("status").asText()).isEqualTo("completed");
    JsonNode metadata = call.path("metadata");
    assertThat(metadata.path("clickToCall").asText()).isEqualTo("bridged");
    assertThat(metadata.path("dial.outcome").asText()).isEqualTo("bridged");
    assertThat(metadata.path("dial.to").asText()).isEqualTo(ANSWERS_THEN_HANGS_UP);
    assertThat(metadata.path("dial.talkSeconds").asLong()).isBetween(1L, 4L);
    assertThat(timeline(callId))
        .containsSubsequence(
            "call.answered",
            "call.dial-started",
            "call.dial-bridged",
            "call.dial-ended",
            "call.hangup",
            "call.completed");
    assertThat(stack.simulator().receivedCommands())
        .anyMatch(
            c ->
                c.contains("uuid_broadcast")
                    && c.contains("'tts://flite|kal|Connecting you to your customer'"))
        .anyMatch(c -> c.contains("uuid_bridge"));
    assertThat(cdrCount(callId)).isEqualTo(1);
  }

  @Test
  void theIvrDialsTheOperatorAfterASilentCallerAndKeepsABusyOperatorInTheCdr() throws SQLException {
    CallsApi.Reply created =
        api.post(
            "/v1/calls",
            """
            {"from": "+15550100", "to": "+15550112", "flow": "ivr",
             "params": {"prompt": "say:Press one for sales", "retries": 1, "operator": "%s",
                        "options": {"1": {"flow": "hello"}}}}
            """
                .formatted(BUSY));
    String callId = created.body().path("id").asText();

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(40));

    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(call.path("metadata").path("ivr").asText()).isEqualTo("no-input");
    assertThat(call.path("metadata").path("dial.outcome").asText()).isEqualTo("busy");
    assertThat(call.path("metadata").path("dial.hangupCause").asText()).isEqualTo("USER_BUSY");
    assertThat(timeline(callId))
        .containsSubsequence(
            "call.gather-retry", "call.dial-started", "call.dial-ended", "call.completed");
    assertThat(stack.simulator().receivedCommands())
        .anyMatch(c -> c.contains("'tts://flite|kal|Press one for sales'"));
  }

  private int cdrCount(String callId) throws SQLException {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement("select count(*) from calls where id = ?")) {
      query.setObject(1, UUID.fromString(callId));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
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
}
