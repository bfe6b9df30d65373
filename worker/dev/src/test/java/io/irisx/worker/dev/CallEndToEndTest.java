package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.client.IrisxClient;
import io.irisx.client.Page;
import io.irisx.client.model.Call;
import io.irisx.client.params.ListCallsParams;
import io.irisx.client.params.StartCallParams;
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
  private IrisxClient irisx;
  private CallsApi api;

  abstract TemporalMode temporalMode();

  @BeforeAll
  void startStack(@TempDir Path home) {
    stack = DevStack.start(DevOptions.ephemeral(home, temporalMode()));
    irisx =
        IrisxClient.builder()
            .baseUrl(stack.manifest().apiUrl())
            .apiKey(stack.manifest().apiKey())
            .build();
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
    Call created = irisx.calls().start(hello("+15550111"));

    String callId = created.id();
    assertThat(UUID.fromString(callId)).isNotNull();
    assertThat(created.status()).isEqualTo("queued");

    Call call = awaitEnded(callId);
    Duration postToCdr = Duration.between(posted, Instant.now());
    System.out.printf(
        "[%s] hello call: POST to CDR in %d ms%n", temporalMode(), postToCdr.toMillis());

    assertThat(call.status()).isEqualTo("completed");
    assertThat(call.hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(call.hangupCauseCode()).isEqualTo(16);
    // The flow hung up: the switch sent the BYE (sip_hangup_disposition send_bye).
    assertThat(call.hungUpBy()).isEqualTo("platform");
    Instant createdAt = call.createdAt();
    Instant ringingAt = call.ringingAt();
    Instant answeredAt = call.answeredAt();
    Instant endedAt = call.endedAt();
    assertThat(createdAt).isBeforeOrEqualTo(ringingAt);
    assertThat(ringingAt).isBeforeOrEqualTo(answeredAt);
    // The hello prompt plays for a second on the simulator before the platform hangs up.
    assertThat(Duration.between(answeredAt, endedAt))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(call.billSeconds()).isGreaterThanOrEqualTo(0);
    assertThat(call.durationSeconds()).isGreaterThanOrEqualTo(call.billSeconds());

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
    String first = irisx.calls().start(hello("+15550111")).id();
    String second = irisx.calls().start(hello("+15550112")).id();

    Page<Call> page = irisx.calls().list(ListCallsParams.builder().limit(1).build());
    assertThat(page.data()).extracting(Call::id).containsExactly(second);
    assertThat(page.nextPage().data()).extracting(Call::id).containsExactly(first);
    awaitEnded(first);
    awaitEnded(second);
  }

  @Test
  void busyNumberEndsBusyWithUserBusy() throws SQLException {
    String callId = irisx.calls().start(hello("+15550001")).id();

    Call call = awaitEnded(callId);

    assertThat(call.status()).isEqualTo("busy");
    assertThat(call.hangupCause()).isEqualTo("USER_BUSY");
    assertThat(call.hangupCauseCode()).isEqualTo(17);
    assertThat(call.sipCode()).isEqualTo(486);
    assertThat(call.hungUpBy()).isEqualTo("callee");
    assertThat(call.answeredAt()).isNull();
    assertThat(call.billSeconds()).isZero();
    assertThat(cdr(callId).status()).isEqualTo("busy");
  }

  @Test
  void unansweredNumberEndsNoAnswerAtTheRingTimeout() throws SQLException {
    Instant posted = Instant.now();
    String callId = irisx.calls().start(hello("+15550002")).id();

    Call call = awaitEnded(callId);

    assertThat(call.status()).isEqualTo("no-answer");
    assertThat(call.hangupCause()).isEqualTo("NO_ANSWER");
    assertThat(call.hangupCauseCode()).isEqualTo(19);
    assertThat(call.ringingAt()).isNotNull();
    // The ephemeral stack rings for three seconds; like the real switch, the simulator gives up
    // within the timeout's last second.
    assertThat(Duration.between(posted, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(2000));
    assertThat(cdr(callId).status()).isEqualTo("no-answer");
  }

  @Test
  void rejectedAndUnallocatedNumbersFailWithTheirCauses() {
    String rejected = irisx.calls().start(hello("+15550003")).id();
    String unallocated = irisx.calls().start(hello("+15550004")).id();

    Call rejectedCall = awaitEnded(rejected);
    Call unallocatedCall = awaitEnded(unallocated);

    assertThat(rejectedCall.status()).isEqualTo("failed");
    assertThat(rejectedCall.hangupCause()).isEqualTo("CALL_REJECTED");
    assertThat(unallocatedCall.status()).isEqualTo("failed");
    assertThat(unallocatedCall.hangupCause()).isEqualTo("UNALLOCATED_NUMBER");
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

  private static StartCallParams hello(String to) {
    return StartCallParams.builder().from("+15550100").to(to).flow("hello").build();
  }

  private Call awaitEnded(String callId) {
    return irisx.calls().awaitEnded(callId, Duration.ofSeconds(30), Duration.ofMillis(50));
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
