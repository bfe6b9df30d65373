package io.irisx.workflows.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryWorkflowTest {
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private ScriptedReceiver receiver;

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
        ActivityCatalogue.workflowImplementationOptions(), WebhookDeliveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(receiver);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aReceiverDownForThreeAttemptsGetsTheFourthOnSchedule() {
    String id = UUID.randomUUID().toString();
    receiver.answer(id, 503, 503, 500);

    DeliveryResult result = deliver(id, false);

    assertThat(result.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    assertThat(result.attempts()).isEqualTo(4);
    assertThat(receiver.order())
        .containsExactly(id + "#1:503", id + "#2:503", id + "#3:500", id + "#4:200");
    var at = receiver.attempts.stream().map(ScriptedReceiver.Attempt::at).toList();
    assertWaited(Duration.between(at.get(0), at.get(1)), RetrySchedule.THREE_DAYS.waitBefore(2));
    assertWaited(Duration.between(at.get(1), at.get(2)), RetrySchedule.THREE_DAYS.waitBefore(3));
    assertWaited(Duration.between(at.get(2), at.get(3)), RetrySchedule.THREE_DAYS.waitBefore(4));
    HistoryFiles.keepWhenAsked(
        client, DeliveryRequest.workflowId(id), "webhook-delivery-retried-three-days");
  }

  @Test
  void aReceiverThatNeverAnswers2xxFailsTheDeliveryAfterMoreThanThreeDays() {
    String id = UUID.randomUUID().toString();
    receiver.answer(id, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);

    DeliveryResult result = deliver(id, false);

    assertThat(result.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(result.attempts()).isEqualTo(RetrySchedule.THREE_DAYS.attempts());
    assertThat(receiver.attempts).hasSize(RetrySchedule.THREE_DAYS.attempts());
    Duration span =
        Duration.between(receiver.attempts.getFirst().at(), receiver.attempts.getLast().at());
    assertWaited(span, RetrySchedule.THREE_DAYS.span());
    assertThat(RetrySchedule.THREE_DAYS.span()).isGreaterThanOrEqualTo(Duration.ofDays(3));
    HistoryFiles.keepWhenAsked(
        client, DeliveryRequest.workflowId(id), "webhook-delivery-failed-three-days");
  }

  @Test
  void goneEndsTheDeliveryAtOnce() {
    String id = UUID.randomUUID().toString();
    receiver.answer(id, 410);

    DeliveryResult result = deliver(id, false);

    assertThat(result.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(result.lastResponseStatus()).isEqualTo(410);
    assertThat(receiver.attempts).hasSize(1);
  }

  @Test
  void aFinishedDeliveryIsSentAgainOnlyWhenRedelivered() {
    String id = UUID.randomUUID().toString();
    deliver(id, false);

    DeliveryResult repeated = deliver(id, false);
    DeliveryResult redelivered = deliver(id, true);

    assertThat(repeated.attempts()).isZero();
    assertThat(repeated.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    assertThat(redelivered.attempts()).isEqualTo(1);
    assertThat(receiver.order()).containsExactly(id + "#1:200", id + "#2:200");
    HistoryFiles.keepWhenAsked(
        client, DeliveryRequest.workflowId(id), "webhook-redelivery-three-days");
  }

  @Test
  void aDeliveryAnsweredAtOnceCostsTwoWorkflowTasksAndOneActivity() {
    String id = UUID.randomUUID().toString();

    DeliveryResult result = deliver(id, false);

    assertThat(result.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    var events = client.fetchHistory(DeliveryRequest.workflowId(id)).getEvents();
    // begin() is a marker inside the first workflow task, not an activity of its own.
    assertThat(count(events, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).isEqualTo(2);
    assertThat(count(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)).isEqualTo(1);
    assertThat(
            events.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName()))
        .containsExactly(ActivityCatalogue.ATTEMPT_WEBHOOK_DELIVERY);
    assertThat(
            events.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
                .map(e -> e.getMarkerRecordedEventAttributes().getMarkerName()))
        .contains("LocalActivity");
  }

  @Test
  void aRetryAfterLongerThanTheScheduleIsHonoured() {
    String id = UUID.randomUUID().toString();
    receiver.answer(id, 429).retryAfter(id, Duration.ofSeconds(7));

    DeliveryResult result = deliver(id, false);

    assertThat(result.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    var at = receiver.attempts.stream().map(ScriptedReceiver.Attempt::at).toList();
    assertWaited(Duration.between(at.get(0), at.get(1)), Duration.ofSeconds(7));
  }

  @Test
  void aDatabaseDownForLongerThanTheLocalRetryWindowHoldsTheDeliveryAndNeverEndsIt() {
    String id = UUID.randomUUID().toString();
    // begin() fails 12 times: with backoff up to 30 s that is minutes, past the local retry
    // threshold, so retries continue through timers in the history.
    receiver.databaseDownFor(12);

    DeliveryResult result = deliver(id, false);

    assertThat(result.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
    assertThat(receiver.order()).containsExactly(id + "#1:200");
  }

  private static long count(java.util.List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).count();
  }

  /** The schedule's wait, plus the little real time an attempt itself takes. */
  private static void assertWaited(Duration actual, Duration scheduled) {
    assertThat(actual).isBetween(scheduled, scheduled.plusSeconds(2));
  }

  private DeliveryResult deliver(String id, boolean redelivery) {
    return client
        .newWorkflowStub(
            WebhookDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DeliveryRequest.workflowId(id))
                .setTaskQueue(TaskQueues.CALLS)
                .build())
        .deliver(new DeliveryRequest(id, redelivery));
  }
}
