package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.CallRow;
import io.irisx.workflows.call.CallRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StartCallTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final List<String> CALL_FIELDS =
      List.of(
          "id",
          "direction",
          "from",
          "fromRaw",
          "to",
          "flow",
          "status",
          "nodeId",
          "createdAt",
          "ringingAt",
          "answeredAt",
          "endedAt",
          "durationSeconds",
          "billSeconds",
          "hangupCause",
          "hangupCauseCode",
          "sipCode",
          "hungUpBy",
          "metadata",
          "live",
          "queue");

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  @Test
  void startingACallAnswers201WithTheQueuedCallAndItsLocation() {
    ApiClient.Reply reply = api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode call = reply.body();
    assertThat(call.properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyElementsOf(CALL_FIELDS);
    String id = call.path("id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(reply.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/v1/calls/" + id));
    assertThat(call.path("direction").asText()).isEqualTo("outbound");
    assertThat(call.path("from").asText()).isEqualTo("+15550100");
    assertThat(call.path("to").asText()).isEqualTo("+15550111");
    assertThat(call.path("flow").asText()).isEqualTo("hello");
    assertThat(call.path("status").asText()).isEqualTo("queued");
    assertThat(call.path("createdAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    for (String unknownYet :
        List.of(
            "nodeId",
            "ringingAt",
            "answeredAt",
            "endedAt",
            "durationSeconds",
            "billSeconds",
            "hangupCause",
            "hangupCauseCode",
            "sipCode",
            "hungUpBy")) {
      assertThat(call.has(unknownYet) && call.get(unknownYet).isNull()).as(unknownYet).isTrue();
    }
  }

  @Test
  void startingACallStoresAQueuedRowForTheTenant() {
    String id =
        api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello")
            .body()
            .path("id")
            .asText();

    CallRow row = STACK.calls().find(tenant.tenantId(), UUID.fromString(id)).orElseThrow();
    assertThat(row.status()).isEqualTo("queued");
    assertThat(row.direction()).isEqualTo("outbound");
    assertThat(row.fromNumber()).isEqualTo("+15550100");
    assertThat(row.toNumber()).isEqualTo("+15550111");
    assertThat(row.flow()).isEqualTo("hello");
  }

  @Test
  void startingACallStartsItsWorkflowOnTheCallsQueueWithTheRequest() {
    ApiClient.Reply reply =
        api.post(
            "/v1/calls",
            tenant.apiKey(),
            "application/json",
            "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"voicemail\",\"params\":{\"greeting\":\"vm/hi.wav\"}}");
    assertThat(reply.status()).isEqualTo(201);
    String id = reply.body().path("id").asText();

    var description = STACK.describeWorkflow("call-" + id);
    assertThat(description.getExecutionConfig().getTaskQueue().getName()).isEqualTo("irisx-calls");
    assertThat(description.getWorkflowExecutionInfo().getType().getName()).isEqualTo("Call");
    assertThat(description.getWorkflowExecutionInfo().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    HistoryEvent started =
        STACK.temporalClient().fetchHistory("call-" + id).getHistory().getEvents(0);
    CallRequest request =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
            0,
            java.util.Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
            CallRequest.class,
            CallRequest.class);
    assertThat(request)
        .isEqualTo(
            new CallRequest(
                id,
                tenant.tenantId().toString(),
                "+15550100",
                "+15550111",
                "voicemail",
                Map.of("greeting", "vm/hi.wav"),
                42,
                7));
  }

  @Test
  void aStartedCallReadsBackAsTheSameRepresentation() {
    JsonNode started = api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello").body();

    ApiClient.Reply fetched = api.get("/v1/calls/" + started.path("id").asText(), tenant.apiKey());

    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(started);
  }

  @Test
  void anUnknownCallIsNotFound() {
    ProblemAssert.assertProblem(
        api.get("/v1/calls/" + UUID.randomUUID(), tenant.apiKey()), 404, "not-found");
    ProblemAssert.assertProblem(api.get("/v1/calls/not-a-uuid", tenant.apiKey()), 404, "not-found");
    ProblemAssert.assertProblem(api.get("/v1/calls/1-2-3-4-5", tenant.apiKey()), 404, "not-found");
  }

  @Test
  void anUnsupportedMethodIsAProblemDocumentToo() {
    ApiClient.Reply reply =
        api.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/v1/calls"))
                .header("Authorization", "Bearer " + tenant.apiKey())
                .DELETE()
                .build());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body().path("type").asText()).isEqualTo("about:blank");
    assertThat(reply.body().path("status").asInt()).isEqualTo(405);
    assertThat(reply.header("Allow")).isPresent();
  }

  @Test
  void anUnknownAddressIsANotFoundProblem() {
    ProblemAssert.assertProblem(api.get("/v1/nothing-here", tenant.apiKey()), 404, "not-found");
  }
}
