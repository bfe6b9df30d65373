package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
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
        "click-to-call-agent-hung-up-leg-first-v5"
      })
  void recordedHistoriesStillReplay(String history) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      // Registered exactly as the worker registers it, activity options included.
      Worker worker = env.newWorker(TaskQueues.CALLS);
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
