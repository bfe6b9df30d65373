package io.irisx.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A local activity whose retries were cut short (here: one attempt allowed; in production, the
 * worker stopping while the database is away) hands the record to a regular activity: the call
 * completes with its CDR instead of failing.
 */
class LocalBookkeepingFallbackTest {
  private TestWorkflowEnvironment env;

  @AfterEach
  void stop() {
    env.close();
  }

  /** The first write of the CDR fails as an unreachable database would; the next succeeds. */
  static final class FlakyCdrStore extends RecordedCall {
    final AtomicInteger cdrAttempts = new AtomicInteger();

    @Override
    public void writeCdr(CallDetailRecord record) {
      if (cdrAttempts.incrementAndGet() == 1) {
        throw new IllegalStateException("Connection to 127.0.0.1:5432 refused");
      }
      super.writeCdr(record);
    }
  }

  @Test
  void aCdrTheLocalActivityCouldNotWriteIsWrittenByARegularActivity() throws Exception {
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    WorkflowClient client = env.getWorkflowClient();
    Map<String, LocalActivityOptions> local = new HashMap<>(ActivityCatalogue.localOptions());
    local.put(
        ActivityCatalogue.WRITE_CDR,
        local.get(ActivityCatalogue.WRITE_CDR).toBuilder()
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
    Worker calls = env.newWorker(TaskQueues.CALLS);
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(CallFlows.shipped()),
        WorkflowImplementationOptions.newBuilder()
            .setActivityOptions(ActivityCatalogue.options())
            .setLocalActivityOptions(local)
            .build());
    FlakyCdrStore store = new FlakyCdrStore();
    calls.registerActivitiesImplementations(store);
    ScriptedSwitch farEnd = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false);
    env.newWorker(TaskQueues.node("node-1"))
        .registerActivitiesImplementations(farEnd, farEnd.steps());
    env.start();
    String callId = UUID.randomUUID().toString();
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
            UUID.randomUUID().toString(),
            "+15550100",
            "+15550111",
            "hello",
            Map.of(),
            30,
            15));

    CallResult result =
        client
            .newUntypedWorkflowStub(CallRequest.workflowId(callId))
            .getResult(20, TimeUnit.SECONDS, CallResult.class);

    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(store.cdrAttempts).hasValue(2);
    assertThat(store.cdrs)
        .singleElement()
        .satisfies(cdr -> assertThat(cdr.status()).isEqualTo(CallStatus.COMPLETED));
    assertThat(client.fetchHistory(CallRequest.workflowId(callId)).getEvents())
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .extracting(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .extracting(a -> a.getActivityType().getName())
        .contains(ActivityCatalogue.WRITE_CDR);
  }
}
