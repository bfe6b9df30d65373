package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
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
 * Replays histories recorded from real runs of the call workflow (see {@code
 * CallWorkflowTest#keepHistoryWhenAsked}). A change that would break calls in flight fails here:
 * guard it with {@code Workflow.getVersion}.
 */
class CallWorkflowReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hello-answered",
        "hello-busy",
        "hello-events-lost",
        "hello-flow-failed",
        "hello-inbound",
        "reminder-canceled",
        "reminder-no-response",
        "hello-answered-v2",
        "hello-busy-v2",
        "reminder-canceled-v2",
        "voicemail-silence",
        "voicemail-caller-hung-up",
        "record-whole-call",
        "hello-queued-v3",
        "hello-queue-timeout-v3",
        "ivr-operator",
        "ivr-option-flow",
        "click-to-call-bridged",
        "click-to-call-no-answer",
        "reminder-spoken-confirmed",
        "hello-answered-v4",
        "hello-busy-v4",
        "hello-inbound-v4",
        "hello-events-lost-v4",
        "hello-queued-v4",
        "voicemail-silence-v4",
        "ivr-operator-v4",
        "click-to-call-bridged-v4",
        "click-to-call-agent-hung-up-leg-first-v5",
        // steps that own their events (CallRun.STEPS_CHANGE)
        "click-to-call-agent-hung-up-leg-first-v6",
        "click-to-call-bridged-v6",
        "click-to-call-no-answer-v6",
        "hello-answered-v6",
        "hello-busy-v6",
        "hello-events-lost-v6",
        "hello-inbound-v6",
        "hello-media-failed-v6",
        "hello-queue-timeout-v6",
        "hello-queued-v6",
        "ivr-operator-v6",
        "ivr-option-flow-v6",
        "record-whole-call-v6",
        "reminder-canceled-v6",
        "reminder-no-response-v6",
        "reminder-spoken-confirmed-v6",
        "voicemail-caller-hung-up-v6",
        "voicemail-silence-v6",
        "click-to-call-agent-hung-up-leg-first-v7",
        "click-to-call-bridged-v7",
        "click-to-call-no-answer-v7",
        "hello-answered-v7",
        "hello-busy-v7",
        "hello-events-lost-v7",
        "hello-inbound-v7",
        "hello-media-failed-v7",
        "hello-queue-timeout-v7",
        "hello-queued-v7",
        "ivr-operator-v7",
        "ivr-option-flow-v7",
        "record-whole-call-v7",
        "reminder-canceled-v7",
        "reminder-no-response-v7",
        "reminder-spoken-confirmed-v7",
        "voicemail-caller-hung-up-v7",
        "voicemail-silence-v7"
      })
  void recordedHistoriesStillReplay(String history) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // Registered exactly as the worker registers it, activity options included.
      // A replay's first workflow task loads the workflow's classes: on a busy machine that alone
      // can outlast the SDK's 1 s deadlock detector, which guards nothing a replay checks.
      Worker worker =
          env.newWorker(
              TaskQueues.CALLS,
              WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
      worker.registerWorkflowImplementationFactory(
          CallWorkflow.class,
          () -> new CallWorkflowImpl(CallFlows.shipped()),
          ActivityCatalogue.workflowImplementationOptions());
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(read("/histories/" + history + ".json")), worker);
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = CallWorkflowReplayTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing recorded history " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
