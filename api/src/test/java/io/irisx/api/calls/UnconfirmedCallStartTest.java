package io.irisx.api.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /v1/calls} when the start of the call's workflow gets no answer in time
 * (test-api.yml: {@code startTimeoutSeconds: 2}, {@code startConfirmSeconds: 3}): the API talks to
 * the real (in-process) Temporal server through a proxy that holds the request or the reply, or
 * cuts the connection. A call whose workflow exists is answered as the call; one whose workflow
 * surely does not is failed, and its workflow id is taken so that no late start can dial it; one
 * nobody can confirm is 503 call-outcome-unknown, left queued, and settled by {@link
 * NeverStartedCalls}.
 */
class UnconfirmedCallStartTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  static final StallingProxy PROXY = StallingProxy.start(STACK::temporalPort);

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.appWith(
          "test-api.yml", PROXY::target, ConfigOverride.config("calls.startConfirmSeconds", "5"));

  private static final long START_TIMEOUT_MILLIS = 2_000;

  @AfterEach
  void letEverythingThrough() {
    PROXY.release();
  }

  @AfterAll
  static void stopProxy() throws Exception {
    PROXY.close();
  }

  @Test
  void aStartWhoseAnswerComesLateIsAnsweredAsTheCall() {
    assertThat(APP.getConfiguration().getTemporal().target()).isEqualTo(PROXY.target());
    ProvisionedTenant tenant = STACK.newTenant();
    // The start reaches Temporal; its answer waits past the start timeout.
    PROXY.holdRepliesThenRelease(Duration.ofMillis(START_TIMEOUT_MILLIS + 1_000));

    long startedAt = System.nanoTime();
    ApiClient.Reply reply = api().startCall(tenant.apiKey(), "+15550100", "+15550111", "hello");
    long waitedMillis = (System.nanoTime() - startedAt) / 1_000_000;

    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
    assertThat(waitedMillis).as("the start itself timed out").isGreaterThan(START_TIMEOUT_MILLIS);
    String callId = reply.body().path("id").asText();
    assertThat(reply.body().path("status").asText()).isEqualTo("queued");
    assertThat(status(tenant, callId))
        .isEqualTo("queued"); // no worker here: it waits to be dialled
    assertThat(workflow(callId).getType().getName()).isEqualTo("Call");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void aStartThatNeverArrivedIsFailedAndCanNeverLandLater() {
    ProvisionedTenant tenant = STACK.newTenant();
    // The start waits in the proxy, then is lost with its connection once the API has given up on
    // it (cut earlier, the SDK would send it again, and rightly answer 201).
    PROXY.holdRequestsThenCut(Duration.ofMillis(START_TIMEOUT_MILLIS + 1_000));

    ApiClient.Reply reply = api().startCall(tenant.apiKey(), "+15550100", "+15550111", "hello");

    ProblemAssert.assertProblem(reply, 503, "temporal-unavailable");
    assertThat(reply.header("Retry-After")).isPresent();
    String callId = onlyCall(tenant);
    assertThat(status(tenant, callId)).isEqualTo("failed");
    assertNeverDialled(callId);
  }

  @Test
  void anUnconfirmedStartThatWasLostIsUnknownThenFailedByTheReconciler() {
    ProvisionedTenant tenant = STACK.newTenant();
    String key = "lost-" + UUID.randomUUID();
    PROXY.holdRequests(); // past the start timeout and the time to confirm it

    ApiClient.Reply reply = startWithKey(tenant, key);

    String callId = assertOutcomeUnknown(reply);
    assertThat(status(tenant, callId)).isEqualTo("queued");
    PROXY.cutAndRelease(); // the start is lost for good

    assertThat(reconcilerAfterGrace().sweep()).isEqualTo(1);
    assertThat(status(tenant, callId)).isEqualTo("failed");
    assertNeverDialled(callId);
    ApiClient.Reply retried = startWithKey(tenant, key);
    assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
    assertThat(retried.body().path("id").asText()).isEqualTo(callId);
    assertThat(retried.body().path("status").asText()).isEqualTo("failed");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void anUnconfirmedStartThatLandedIsLeftRunningAndARetryWithItsKeyAnswersTheCall() {
    ProvisionedTenant tenant = STACK.newTenant();
    String key = "landed-" + UUID.randomUUID();
    PROXY.holdReplies(); // the start lands; no answer, not even to "does it exist?"

    ApiClient.Reply reply = startWithKey(tenant, key);

    String callId = assertOutcomeUnknown(reply);
    PROXY.release();
    reconcilerAfterGrace().sweep();
    assertThat(status(tenant, callId)).as("the reconciler leaves a real call").isEqualTo("queued");
    assertThat(workflow(callId).getType().getName()).isEqualTo("Call");
    assertThat(workflow(callId).getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    ApiClient.Reply retried = startWithKey(tenant, key);
    assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isEmpty();
    assertThat(retried.body().path("id").asText()).isEqualTo(callId);
    assertThat(retried.body().path("status").asText()).isEqualTo("queued");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  private static String assertOutcomeUnknown(ApiClient.Reply reply) {
    ProblemAssert.assertProblem(reply, 503, "call-outcome-unknown");
    assertThat(reply.header("Retry-After")).isPresent();
    String callId = reply.body().path("callId").asText();
    assertThat(UUID.fromString(callId)).isNotNull();
    assertThat(reply.body().path("detail").asText())
        .contains("GET /v1/calls/" + callId)
        .contains("same Idempotency-Key");
    return callId;
  }

  /** The id is held by the not-started mark, closed: a start that turns up now is refused. */
  private static void assertNeverDialled(String callId) {
    WorkflowExecutionInfo held = workflow(callId);
    assertThat(held.getType().getName()).isEqualTo(NotStartedMark.WORKFLOW_TYPE);
    assertThat(held.getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
    CallWorkflow late =
        STACK
            .temporalClient()
            .newWorkflowStub(
                CallWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(CallRequest.workflowId(callId))
                    .setTaskQueue(TaskQueues.CALLS)
                    .setWorkflowIdReusePolicy(
                        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                    .build());
    CallRequest request =
        new CallRequest(
            callId,
            UUID.randomUUID().toString(),
            "+15550100",
            "+15550111",
            "hello",
            Map.of(),
            42,
            7,
            null,
            null,
            false,
            null);
    assertThatThrownBy(() -> WorkflowClient.start(late::run, request))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
  }

  private static NeverStartedCalls reconcilerAfterGrace() {
    return new NeverStartedCalls(
        STACK.calls(),
        STACK.temporalClient(),
        Clock.offset(Clock.systemUTC(), NeverStartedCalls.GRACE.plusSeconds(1)));
  }

  private static ApiClient.Reply startWithKey(ProvisionedTenant tenant, String key) {
    return api()
        .request(
            "POST",
            "/v1/calls",
            tenant.apiKey(),
            "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"}",
            "Idempotency-Key",
            key);
  }

  private static String onlyCall(ProvisionedTenant tenant) {
    List<io.irisx.db.CallRow> rows =
        STACK.calls().listNewestFirst(tenant.tenantId(), null, null, 10);
    assertThat(rows).hasSize(1);
    return rows.get(0).id().toString();
  }

  private static String status(ProvisionedTenant tenant, String callId) {
    return STACK.calls().find(tenant.tenantId(), UUID.fromString(callId)).orElseThrow().status();
  }

  private static WorkflowExecutionInfo workflow(String callId) {
    return STACK.describeWorkflow(CallRequest.workflowId(callId)).getWorkflowExecutionInfo();
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort());
  }
}
