package io.irisx.workflows.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.temporal.cost.HistoryCost;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallWebhooksWorkflowTest {
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private ScriptedReceiver receiver;
  private final String callId = UUID.randomUUID().toString();
  private final String endpointId = UUID.randomUUID().toString();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
    receiver = new ScriptedReceiver(env);
    Worker worker = env.newWorker(TaskQueues.WEBHOOKS);
    worker.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(), CallWebhooksWorkflowImpl.class);
    worker.registerActivitiesImplementations(receiver);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void laterEventsWaitForAnEarlierOneThatIsRetried() {
    String first = "d1-" + UUID.randomUUID();
    String second = "d2-" + UUID.randomUUID();
    String third = "d3-" + UUID.randomUUID();
    receiver.answer(first, 503, 500);

    WorkflowStub run = startWith(new QueuedDelivery(first, 1));
    run.signal(CallWebhooksWorkflow.ENQUEUE_SIGNAL, new QueuedDelivery(third, 3));
    run.signal(CallWebhooksWorkflow.ENQUEUE_SIGNAL, new QueuedDelivery(second, 2));
    run.getResult(Void.class);

    assertThat(receiver.order())
        .containsExactly(
            first + "#1:503",
            first + "#2:500",
            first + "#3:200",
            second + "#1:200",
            third + "#1:200");
    HistoryFiles.keepWhenAsked(
        client, CallWebhooksWorkflow.workflowId(callId, endpointId), "call-webhooks-ordered");
  }

  @Test
  void aLaterEventWaitsForAnEarlierOneThatFinallyFails() {
    String first = "d1-" + UUID.randomUUID();
    String second = "d2-" + UUID.randomUUID();
    receiver.answer(first, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);

    WorkflowStub run = startWith(new QueuedDelivery(first, 1));
    run.signal(CallWebhooksWorkflow.ENQUEUE_SIGNAL, new QueuedDelivery(second, 2));
    run.getResult(Void.class);

    int attempts = RetrySchedule.THREE_DAYS.attempts();
    assertThat(receiver.attempts).hasSize(attempts + 1);
    assertThat(
            Duration.between(
                receiver.attempts.getFirst().at(), receiver.attempts.get(attempts - 1).at()))
        .isGreaterThanOrEqualTo(Duration.ofDays(3));
    assertThat(receiver.attempts.getLast().deliveryId()).isEqualTo(second);
  }

  @Test
  void aReceiverAsking429WithRetryAfterSevenSecondsGetsNoAttemptSooner() {
    String only = "d1-" + UUID.randomUUID();
    receiver.answer(only, 429).retryAfter(only, Duration.ofSeconds(7));

    startWith(new QueuedDelivery(only, 1)).getResult(Void.class);

    var at = receiver.attempts.stream().map(ScriptedReceiver.Attempt::at).toList();
    assertThat(receiver.order()).containsExactly(only + "#1:429", only + "#2:200");
    assertThat(Duration.between(at.get(0), at.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    HistoryFiles.keepWhenAsked(
        client, CallWebhooksWorkflow.workflowId(callId, endpointId), "call-webhooks-retry-after");
  }

  @Test
  void aRunStartedForARestartedDeliveryNumbersItsAttemptsAfterTheRecordedOnes() {
    String only = "d1-" + UUID.randomUUID();

    startWith(new QueuedDelivery(only, 1, 4)).getResult(Void.class);

    assertThat(receiver.order()).containsExactly(only + "#4:200");
  }

  @Test
  void anEventAnsweredAtOnceCostsOneWorkflowTaskAndNoActivityTask() {
    String only = "d1-" + UUID.randomUUID();

    startWith(new QueuedDelivery(only, 1)).getResult(Void.class);

    HistoryCost cost =
        HistoryCost.of(
            client.fetchHistory(CallWebhooksWorkflow.workflowId(callId, endpointId)).getEvents());
    assertThat(cost.workflowTasks()).isEqualTo(1);
    assertThat(cost.activityTasks()).isZero();
    assertThat(cost.localActivities()).isEqualTo(1);
    assertThat(cost.billableActions()).isEqualTo(2);
    HistoryFiles.keepWhenAsked(
        client, CallWebhooksWorkflow.workflowId(callId, endpointId), "call-webhooks-at-once");
  }

  @Test
  void aDatabaseDownForMinutesHoldsTheAttemptAndLosesNothing() {
    String first = "d1-" + UUID.randomUUID();
    String second = "d2-" + UUID.randomUUID();
    receiver.databaseDownFor(12);

    WorkflowStub run = startWith(new QueuedDelivery(first, 1));
    run.signal(CallWebhooksWorkflow.ENQUEUE_SIGNAL, new QueuedDelivery(second, 2));
    run.getResult(Void.class);

    assertThat(receiver.order()).containsExactly(first + "#1:200", second + "#1:200");
  }

  private WorkflowStub startWith(QueuedDelivery delivery) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            CallWebhooksWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CallWebhooksWorkflow.workflowId(callId, endpointId))
                .setTaskQueue(TaskQueues.WEBHOOKS)
                .build());
    stub.start(new DeliveryStream(callId, endpointId, List.of(delivery), List.of()));
    return stub;
  }
}
