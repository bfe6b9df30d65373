package io.irisx.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.admission.CallAdmission;
import io.irisx.workflows.admission.CallSlotActivities;
import io.irisx.workflows.admission.QueuePosition;
import io.irisx.workflows.admission.QueuedCall;
import io.irisx.workflows.admission.SlotGrant;
import io.irisx.workflows.admission.TenantQueueState;
import io.irisx.workflows.admission.TenantQueueWorkflow;
import io.irisx.workflows.admission.TenantQueueWorkflowImpl;
import io.irisx.workflows.flow.CallFlows;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A queued call's workflow with its tenant's real queue workflow; the slots are an in-memory ledger
 * standing in for Redis (the Redis side is tested end to end in the worker module). The runs here
 * are where the replay histories of queued calls come from.
 */
class QueuedCallWorkflowTest {
  private final RecordedCall recorded = new RecordedCall();
  private final Ledger ledger = new Ledger();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final String tenantId = UUID.randomUUID().toString();
  private final String callId = UUID.randomUUID().toString();

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    Worker calls = env.newWorker(TaskQueues.CALLS);
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(CallFlows.shipped()),
        ActivityCatalogue.workflowImplementationOptions());
    calls.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(), TenantQueueWorkflowImpl.class);
    calls.registerActivitiesImplementations(recorded, ledger);
    ScriptedSwitch node = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false);
    env.newWorker(TaskQueues.node("node-1")).registerActivitiesImplementations(node, node.steps());
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aQueuedCallWaitsInItsTenantsQueueAndRunsOnceASlotIsFreed() throws Exception {
    ledger.held.add("an-earlier-call");
    start(new CallAdmission(false, 100, 1, 60, 30));

    TenantQueueWorkflow queue =
        client.newWorkflowStub(TenantQueueWorkflow.class, TenantQueueWorkflow.workflowId(tenantId));
    QueuePosition position = awaitPosition(queue);
    assertThat(position.position()).isEqualTo(1);
    ledger.release(tenantId, "an-earlier-call");

    CallResult result = result();
    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recorded.timeline())
        .containsExactly(
            "call.queued",
            "call.waiting",
            "call.admitted",
            "call.originated",
            "call.ringing",
            "call.answered",
            "call.hangup",
            "call.completed");
    assertThat(ledger.held).as("the call gave its slot back").isEmpty();
    keepHistoryWhenAsked("hello-queued-v3");
  }

  @Test
  void aCallThatGetsNoSlotWithinItsMaximumWaitEndsCanceledWithItsCause() throws Exception {
    ledger.held.add("a-call-that-never-ends");
    start(new CallAdmission(false, 100, 1, 5, 30));

    CallResult result = result();

    assertThat(result.status()).isEqualTo(CallStatus.CANCELED);
    assertThat(recorded.timeline()).containsExactly("call.queued", "call.waiting", "call.canceled");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> {
              assertThat(cdr.status()).isEqualTo(CallStatus.CANCELED);
              assertThat(cdr.metadata())
                  .containsEntry(
                      "irisx.cancelReason",
                      "queue-timeout: no slot within 5 s under the tenant's call limits");
            });
    assertThat(recorded.publishedTypes()).containsExactly("call.failed", "call.completed");
    assertThat(ledger.held).containsExactly("a-call-that-never-ends");
    assertThat(
            client
                .newWorkflowStub(
                    TenantQueueWorkflow.class, TenantQueueWorkflow.workflowId(tenantId))
                .position(callId))
        .as("it left the queue")
        .isNull();
    keepHistoryWhenAsked("hello-queue-timeout-v3");
  }

  private void start(CallAdmission admission) {
    CallWorkflow workflow =
        client.newWorkflowStub(
            CallWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CallRequest.workflowId(callId))
                .setTaskQueue(TaskQueues.CALLS)
                .build());
    WorkflowClient.start(
        workflow::run,
        new CallRequest(
            callId,
            tenantId,
            "+15550100",
            "+15550111",
            "hello",
            Map.of(),
            30,
            15,
            null,
            null,
            false,
            admission));
  }

  private QueuePosition awaitPosition(TenantQueueWorkflow queue) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        QueuePosition position = queue.position(callId);
        if (position != null) {
          return position;
        }
      } catch (RuntimeException notStartedYet) {
        // the queue starts with the call's first activity
      }
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new AssertionError("the call never showed up in its tenant's queue");
  }

  private CallResult result() throws Exception {
    return client
        .newUntypedWorkflowStub(CallRequest.workflowId(callId))
        .getResult(20, TimeUnit.SECONDS, CallResult.class);
  }

  private void keepHistoryWhenAsked(String name) throws java.io.IOException {
    String dir = System.getProperty("irisx.recordHistories");
    if (dir != null) {
      java.nio.file.Path file = java.nio.file.Path.of(dir, name + ".json");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(
          file, client.fetchHistory(CallRequest.workflowId(callId)).toJson(true));
    }
  }

  /** Slots in memory with the same contract as the Redis ledger: a fixed number held at once. */
  private final class Ledger implements CallSlotActivities {
    final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public void join(QueuedCall call) {
      TenantQueueWorkflow queue =
          client.newWorkflowStub(
              TenantQueueWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(TenantQueueWorkflow.workflowId(call.tenantId()))
                  .setTaskQueue(TaskQueues.CALLS)
                  .setWorkflowIdConflictPolicy(
                      WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                  .build());
      BatchRequest request = client.newSignalWithStartRequest();
      request.add(queue::run, new TenantQueueState(call.tenantId(), List.of()));
      request.add(queue::join, call);
      client.signalWithStart(request);
    }

    @Override
    public synchronized SlotGrant grant(QueuedCall call) {
      if (held.contains(call.callId()) || held.size() < call.limits().maxConcurrentCalls()) {
        held.add(call.callId());
        return SlotGrant.yes();
      }
      return new SlotGrant(false, "concurrency", 15_000);
    }

    @Override
    public void renew(String tenantId, String callId, int leaseSeconds) {}

    @Override
    public void release(String tenantId, String callId) {
      held.remove(callId);
      client
          .newWorkflowStub(TenantQueueWorkflow.class, TenantQueueWorkflow.workflowId(tenantId))
          .slotFreed();
    }
  }
}
