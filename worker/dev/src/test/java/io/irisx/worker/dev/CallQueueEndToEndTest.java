package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.workflows.call.CallRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
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
 * Tenant call limits end to end: the API's door on Redis, the tenant's queue workflow and the call
 * workflows on Temporal, calls over TCP on the ESL simulator. Each test makes its own tenant (via
 * the operator API) and sets its limits. Prompts play 2.5 s, so a hello call is up about that long.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallQueueEndToEndTest {
  private static final int LEASE_SECONDS = 3;

  private DevStack stack;
  private CallsApi operator;
  private WorkflowServiceStubs temporalService;

  @BeforeAll
  void startStack(@TempDir Path home) {
    stack =
        DevStack.start(
            DevOptions.ephemeral(home, TemporalMode.IN_PROCESS)
                .withPromptMillis(2500)
                .withSlotLeaseSeconds(LEASE_SECONDS));
    operator = new CallsApi(stack.manifest().apiUrl(), stack.manifest().operatorKey());
    temporalService =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(stack.manifest().temporalAddress())
                .build());
  }

  @AfterAll
  void stopStack() {
    if (temporalService != null) {
      temporalService.shutdownNow();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void withConcurrencyTwoFiveCallsQueueThreeWhichRunInOrderAsSlotsFree() throws SQLException {
    CallsApi api = tenantWithLimits("{\"maxConcurrentCalls\":2,\"callsPerSecond\":100}");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      CallsApi.Reply created = api.startCall("+15550100", "+1555012" + i, "hello");
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.body().path("status").asText()).isEqualTo("queued");
      ids.add(created.body().path("id").asText());
    }

    // The three over the limit wait in the tenant's queue, in the order they were posted.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              for (int i = 2; i < 5; i++) {
                JsonNode queue = api.get("/v1/calls/" + ids.get(i)).body().path("queue");
                assertThat(queue.path("position").asInt()).as("call %d", i + 1).isEqualTo(i - 1);
                assertThat(Instant.parse(queue.path("since").asText())).isBefore(Instant.now());
              }
            });
    assertThat(api.get("/v1/calls/" + ids.get(0)).body().path("queue").isNull()).isTrue();

    List<JsonNode> calls = new ArrayList<>();
    for (String id : ids) {
      calls.add(api.awaitFinal(id, Duration.ofSeconds(60)));
    }
    for (JsonNode call : calls) {
      assertThat(call.path("status").asText()).isEqualTo("completed");
    }
    List<Instant> ringing =
        calls.stream().map(c -> Instant.parse(c.path("ringingAt").asText())).toList();
    List<Instant> ended =
        calls.stream().map(c -> Instant.parse(c.path("endedAt").asText())).toList();
    // First come, first served; and a queued call rings only once a call before it has ended.
    assertThat(ringing.get(2)).isBeforeOrEqualTo(ringing.get(3));
    assertThat(ringing.get(3)).isBeforeOrEqualTo(ringing.get(4));
    assertThat(ringing.get(2)).isAfterOrEqualTo(earliest(ended.get(0), ended.get(1)));
    assertThat(ringing.get(4)).isAfterOrEqualTo(secondEarliest(ended.subList(0, 4)));
    assertThat(timeline(ids.get(2))).contains("call.waiting", "call.admitted");
    assertThat(timeline(ids.get(0))).doesNotContain("call.waiting");
  }

  @Test
  void aQueuedCallGivesUpAfterTheMaximumWaitAsCanceledWithItsCause() throws SQLException {
    CallsApi api = tenantWithLimits("{\"maxConcurrentCalls\":1,\"maxQueueWaitSeconds\":1}");
    String up = api.startCall("+15550100", "+15550131", "hello").body().path("id").asText();
    String waiting = api.startCall("+15550100", "+15550132", "hello").body().path("id").asText();

    JsonNode canceled = api.awaitFinal(waiting, Duration.ofSeconds(20));

    assertThat(canceled.path("status").asText()).isEqualTo("canceled");
    assertThat(canceled.path("ringingAt").isNull()).isTrue();
    assertThat(canceled.path("metadata").path("irisx.cancelReason").asText())
        .startsWith("queue-timeout: no slot within 1 s");
    assertThat(timeline(waiting))
        .containsSubsequence("call.queued", "call.waiting", "call.canceled");
    assertThat(api.awaitFinal(up, Duration.ofSeconds(20)).path("status").asText())
        .isEqualTo("completed");
  }

  @Test
  void aTerminatedCallsSlotIsFreedWhenItsLeaseRunsOut() {
    CallsApi api = tenantWithLimits("{\"maxConcurrentCalls\":1}");
    String doomed = api.startCall("+15550100", "+15550141", "hello").body().path("id").asText();
    String next = api.startCall("+15550100", "+15550142", "hello").body().path("id").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> api.get("/v1/calls/" + next).body().path("queue").path("position").asInt() == 1);

    // An operator terminates the call holding the only slot: nothing runs to give it back.
    Instant terminatedAt = Instant.now();
    WorkflowClient.newInstance(temporalService)
        .newUntypedWorkflowStub(CallRequest.workflowId(doomed))
        .terminate("test: a call whose workflow is gone");

    JsonNode call = api.awaitFinal(next, Duration.ofSeconds(30));
    assertThat(call.path("status").asText()).isEqualTo("completed");
    // Not before the terminated call's lease could have run out, and not long after.
    assertThat(Duration.between(terminatedAt, Instant.parse(call.path("ringingAt").asText())))
        .isLessThan(Duration.ofSeconds(LEASE_SECONDS + 10));
    assertThat(api.get("/v1/calls/" + doomed).body().path("endedAt").isNull()).isTrue();
  }

  private CallsApi tenantWithLimits(String limits) {
    CallsApi.Reply tenant =
        operator.post("/v1/admin/tenants", "{\"name\":\"queue-" + UUID.randomUUID() + "\"}");
    assertThat(tenant.status()).isEqualTo(201);
    String tenantId = tenant.body().path("id").asText();
    CallsApi.Reply key =
        operator.post("/v1/admin/tenants/" + tenantId + "/api-keys", "{\"name\":\"test\"}");
    assertThat(key.status()).isEqualTo(201);
    assertThat(operator.put("/v1/admin/tenants/" + tenantId + "/limits", limits).status())
        .isEqualTo(200);
    return new CallsApi(stack.manifest().apiUrl(), key.body().path("key").asText());
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant secondEarliest(List<Instant> times) {
    return times.stream().sorted().skip(1).findFirst().orElseThrow();
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
