package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call end to end through every layer: HTTP to the API, the call workflow on Temporal, the worker
 * originating over TCP on the ESL simulator with the real ESL client, events back as signals, and
 * the CDR in PostgreSQL. Subclasses choose the Temporal server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallEndToEndTest {
  private DevStack stack;
  private CallsApi api;

  abstract TemporalMode temporalMode();

  @BeforeAll
  void startStack(@TempDir Path home) {
    stack = DevStack.start(DevOptions.ephemeral(home, temporalMode()));
    api = new CallsApi(stack.manifest());
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void devJsonNamesAdminPortsThatAnswerHealthChecks() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    for (String admin : List.of(stack.manifest().adminUrl(), stack.manifest().workerAdminUrl())) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin + "/healthcheck"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(admin).isEqualTo(200);
      assertThat(response.body()).as(admin).contains("\"healthy\":true");
    }
  }

  @Test
  void helloCallGoesFromPostToCdr() throws SQLException {
    Instant posted = Instant.now();
    CallsApi.Reply created = api.startCall("+15550100", "+15550111", "hello");

    assertThat(created.status()).isEqualTo(201);
    String callId = created.body().path("id").asText();
    assertThat(UUID.fromString(callId)).isNotNull();
    assertThat(created.body().path("status").asText()).isEqualTo("queued");

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(30));
    Duration postToCdr = Duration.between(posted, Instant.now());
    System.out.printf(
        "[%s] hello call: POST to CDR in %d ms%n", temporalMode(), postToCdr.toMillis());

    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(call.path("hangupCause").asText()).isEqualTo("NORMAL_CLEARING");
    assertThat(call.path("hangupCauseCode").asInt()).isEqualTo(16);
    // The flow hung up: the switch sent the BYE (sip_hangup_disposition send_bye).
    assertThat(call.path("hungUpBy").asText()).isEqualTo("platform");
    Instant createdAt = Instant.parse(call.path("createdAt").asText());
    Instant ringingAt = Instant.parse(call.path("ringingAt").asText());
    Instant answeredAt = Instant.parse(call.path("answeredAt").asText());
    Instant endedAt = Instant.parse(call.path("endedAt").asText());
    assertThat(createdAt).isBeforeOrEqualTo(ringingAt);
    assertThat(ringingAt).isBeforeOrEqualTo(answeredAt);
    // The hello prompt plays for a second on the simulator before the platform hangs up.
    assertThat(Duration.between(answeredAt, endedAt))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(call.path("billSeconds").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(call.path("durationSeconds").asLong())
        .isGreaterThanOrEqualTo(call.path("billSeconds").asLong());

    CdrRow cdr = cdr(callId);
    assertThat(cdr.status()).isEqualTo("completed");
    assertThat(cdr.hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(cdr.answeredAt()).isNotNull();
    assertThat(timeline(callId))
        .containsExactly(
            "call.queued",
            "call.originated",
            "call.ringing",
            "call.answered",
            "call.hangup",
            "call.completed");
  }

  @Test
  void listShowsCallsNewestFirst() {
    String first = api.startCall("+15550100", "+15550111", "hello").body().path("id").asText();
    String second = api.startCall("+15550100", "+15550112", "hello").body().path("id").asText();

    JsonNode page = api.get("/v1/calls?limit=1").body();
    assertThat(page.path("data").get(0).path("id").asText()).isEqualTo(second);
    JsonNode next = api.get("/v1/calls?limit=1&cursor=" + page.path("nextCursor").asText()).body();
    assertThat(next.path("data").get(0).path("id").asText()).isEqualTo(first);
    api.awaitFinal(first, Duration.ofSeconds(30));
    api.awaitFinal(second, Duration.ofSeconds(30));
  }

  @Test
  void busyNumberEndsBusyWithUserBusy() throws SQLException {
    String callId = api.startCall("+15550100", "+15550001", "hello").body().path("id").asText();

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(30));

    assertThat(call.path("status").asText()).isEqualTo("busy");
    assertThat(call.path("hangupCause").asText()).isEqualTo("USER_BUSY");
    assertThat(call.path("hangupCauseCode").asInt()).isEqualTo(17);
    assertThat(call.path("sipCode").asInt()).isEqualTo(486);
    assertThat(call.path("hungUpBy").asText()).isEqualTo("callee");
    assertThat(call.path("answeredAt").isNull()).isTrue();
    assertThat(call.path("billSeconds").asLong()).isZero();
    assertThat(cdr(callId).status()).isEqualTo("busy");
  }

  @Test
  void unansweredNumberEndsNoAnswerAtTheRingTimeout() throws SQLException {
    Instant posted = Instant.now();
    String callId = api.startCall("+15550100", "+15550002", "hello").body().path("id").asText();

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(30));

    assertThat(call.path("status").asText()).isEqualTo("no-answer");
    assertThat(call.path("hangupCause").asText()).isEqualTo("NO_ANSWER");
    assertThat(call.path("hangupCauseCode").asInt()).isEqualTo(19);
    assertThat(call.path("ringingAt").isNull()).isFalse();
    // The ephemeral stack rings for three seconds.
    assertThat(Duration.between(posted, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(cdr(callId).status()).isEqualTo("no-answer");
  }

  @Test
  void rejectedAndUnallocatedNumbersFailWithTheirCauses() {
    String rejected = api.startCall("+15550100", "+15550003", "hello").body().path("id").asText();
    String unallocated =
        api.startCall("+15550100", "+15550004", "hello").body().path("id").asText();

    JsonNode rejectedCall = api.awaitFinal(rejected, Duration.ofSeconds(30));
    JsonNode unallocatedCall = api.awaitFinal(unallocated, Duration.ofSeconds(30));

    assertThat(rejectedCall.path("status").asText()).isEqualTo("failed");
    assertThat(rejectedCall.path("hangupCause").asText()).isEqualTo("CALL_REJECTED");
    assertThat(unallocatedCall.path("status").asText()).isEqualTo("failed");
    assertThat(unallocatedCall.path("hangupCause").asText()).isEqualTo("UNALLOCATED_NUMBER");
  }

  @Test
  void badRequestsGetProblemDocumentsAndStartNothing() throws SQLException {
    int callsBefore = countCalls();
    String[] bodies = {
      "{\"from\":\"+15550100\",\"to\":",
      "{\"from\":\"+15550100\",\"flow\":\"hello\"}",
      "{\"from\":\"+15550100\",\"to\":\"15550111\",\"flow\":\"hello\"}",
      "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"no-such-flow\"}",
    };
    for (String body : bodies) {
      CallsApi.Reply reply = api.post("/v1/calls", body);
      assertThat(reply.status()).as(body).isIn(400, 422);
      assertThat(reply.contentType()).as(body).startsWith("application/problem+json");
      assertThat(reply.body().path("type").asText()).as(body).isNotBlank();
      assertThat(reply.body().path("status").asInt()).as(body).isEqualTo(reply.status());
    }
    assertThat(countCalls()).isEqualTo(callsBefore);
  }

  record CdrRow(String status, String hangupCause, Instant answeredAt) {}

  private CdrRow cdr(String callId) throws SQLException {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select status, hangup_cause, answered_at from calls where id = ?")) {
      query.setObject(1, UUID.fromString(callId));
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).as("a calls row for " + callId).isTrue();
        CdrRow row =
            new CdrRow(
                rows.getString(1),
                rows.getString(2),
                rows.getTimestamp(3) == null ? null : rows.getTimestamp(3).toInstant());
        assertThat(rows.next()).as("exactly one calls row").isFalse();
        return row;
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

  private int countCalls() throws SQLException {
    try (Connection connection = stack.dataSource().getConnection();
        ResultSet rows = connection.createStatement().executeQuery("select count(*) from calls")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
