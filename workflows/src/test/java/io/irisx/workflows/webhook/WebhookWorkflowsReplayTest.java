package io.irisx.workflows.webhook;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from real runs of the webhook workflows (see {@link HistoryFiles}). A
 * change that would break deliveries in flight fails here: guard it with {@code
 * Workflow.getVersion}.
 */
class WebhookWorkflowsReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "webhook-delivery-retried",
        "webhook-delivery-failed",
        "webhook-redelivery",
        "webhook-stream-ordered",
        // recorded after the deliveries began upserting their search attributes
        "webhook-delivery-retried-searchable",
        "webhook-redelivery-searchable",
        // recorded after begin() became a local activity (change irisx-delivery-local-begin)
        "webhook-delivery-local-begin",
        "webhook-delivery-retried-local-begin",
        "webhook-redelivery-local-begin",
        // recorded after the three-day schedule and Retry-After (change irisx-delivery-three-days)
        "webhook-delivery-retried-three-days",
        "webhook-delivery-failed-three-days",
        "webhook-redelivery-three-days",
        // the CallWebhooks workflow: one per (call, endpoint), attempts as local activities
        "call-webhooks-at-once",
        "call-webhooks-ordered",
        "call-webhooks-retry-after"
      })
  void recordedHistoriesStillReplay(String history) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // A busy machine loading classes on the first replay is not a deadlock.
      Worker worker =
          env.newWorker(
              TaskQueues.CALLS,
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationTypes(
          ActivityCatalogue.workflowImplementationOptions(),
          CallWebhooksWorkflowImpl.class,
          WebhookDeliveryWorkflowImpl.class,
          WebhookStreamWorkflowImpl.class);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(read("/histories/" + history + ".json")), worker);
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = WebhookWorkflowsReplayTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing recorded history " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
