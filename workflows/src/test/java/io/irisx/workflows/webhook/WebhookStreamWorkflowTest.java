package io.irisx.workflows.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookStreamWorkflowTest {
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private ScriptedReceiver receiver;
  private final String callId = UUID.randomUUID().toString();
  private final String endpointId = UUID.randomUUID().toString();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    // The delivery workflow upserts IRISX's search attributes; the namespace must know them.
    io.irisx.temporal.SearchAttributeCatalogue.registrations()
        .forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    receiver = new ScriptedReceiver(env);
    Worker worker = env.newWorker(TaskQueues.CALLS);
    worker.registerWorkflowImplementationTypes(
        ActivityCatalogue.workflowImplementationOptions(),
        WebhookDeliveryWorkflowImpl.class,
        WebhookStreamWorkflowImpl.class);
    worker.registerActivitiesImplementations(receiver);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aLaterEventWaitsUntilTheEarlierOneHasBeenDelivered() {
    String second = "d2-" + UUID.randomUUID();
    String third = "d3-" + UUID.randomUUID();
    receiver.answer(second, 503, 503);

    enqueue(new QueuedDelivery(second, 2));
    enqueue(new QueuedDelivery(third, 3));
    awaitStreamEnd();

    assertThat(receiver.order())
        .containsExactly(second + "#1:503", second + "#2:503", second + "#3:200", third + "#1:200");
  }

  @Test
  void aLaterEventWaitsForAnEarlierOneThatFinallyFails() {
    String first = "d1-" + UUID.randomUUID();
    String second = "d2-" + UUID.randomUUID();
    receiver.answer(first, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);

    enqueue(new QueuedDelivery(first, 1));
    enqueue(new QueuedDelivery(second, 2));
    awaitStreamEnd();

    assertThat(receiver.attempts).hasSize(RetrySchedule.THREE_DAYS.attempts() + 1);
    assertThat(receiver.attempts.getLast().deliveryId()).isEqualTo(second);
    assertThat(receiver.attempts.getLast().at())
        .isAfter(
            receiver.attempts.get(RetrySchedule.THREE_DAYS.attempts() - 1).at().minusMillis(1));
  }

  @Test
  void aRepeatedSignalDeliversOnce() {
    String only = "d1-" + UUID.randomUUID();

    enqueue(new QueuedDelivery(only, 1));
    enqueue(new QueuedDelivery(only, 1));
    awaitStreamEnd();

    assertThat(receiver.order()).containsExactly(only + "#1:200");
  }

  private void enqueue(QueuedDelivery delivery) {
    WorkflowStub stream =
        client.newUntypedWorkflowStub(
            "WebhookStream",
            WorkflowOptions.newBuilder()
                .setWorkflowId(DeliveryStream.workflowId(callId, endpointId))
                .setTaskQueue(TaskQueues.CALLS)
                .build());
    stream.signalWithStart(
        WebhookStreamWorkflow.ENQUEUE_SIGNAL,
        new Object[] {delivery},
        new Object[] {DeliveryStream.of(callId, endpointId)});
  }

  private void awaitStreamEnd() {
    client
        .newUntypedWorkflowStub(DeliveryStream.workflowId(callId, endpointId))
        .getResult(Void.class);
  }
}
