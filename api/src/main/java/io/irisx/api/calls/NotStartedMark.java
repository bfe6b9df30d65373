package io.irisx.api.calls;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.irisx.workflows.call.CallRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes "this call's workflow never started" true for good. Temporal answering that it knows no
 * workflow {@code call-<id>} is not enough to fail the call: a start that timed out may still be on
 * its way and land a moment later, dialling a call its client was told had failed. So the id is
 * taken first by a mark, a workflow of its own type on a task queue nobody polls, terminated at
 * once: every call start refuses a duplicate id ({@code REJECT_DUPLICATE}), so a late start now
 * fails, and the call can be marked failed. Operators see the mark, and why, in the Temporal UI.
 */
final class NotStartedMark {
  private static final Logger log = LoggerFactory.getLogger(NotStartedMark.class);

  static final String WORKFLOW_TYPE = "CallNeverStarted";

  /** No worker polls it: the mark never runs a task. */
  static final String TASK_QUEUE = "irisx-calls-never-started";

  /** Closes the mark by itself should its termination not get through. */
  private static final Duration LIFETIME = Duration.ofMinutes(1);

  private final WorkflowClient temporal;

  NotStartedMark(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /**
   * Takes the call's workflow id; true if the mark holds it now (placed here, or by an earlier try
   * of this same mark), false if something else holds it (ask {@link CallWorkflowPresence} what).
   * Throws the {@link StatusRuntimeException} of a Temporal that does not answer in time.
   */
  boolean place(UUID callId, Duration deadline) {
    String workflowId = CallRequest.workflowId(callId.toString());
    String runId;
    try {
      runId =
          temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .startWorkflowExecution(
                  StartWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setWorkflowId(workflowId)
                      .setWorkflowType(WorkflowType.newBuilder().setName(WORKFLOW_TYPE))
                      .setTaskQueue(TaskQueue.newBuilder().setName(TASK_QUEUE))
                      // The same for every try: Temporal takes a repeated mark as the first one.
                      .setRequestId("never-started-" + callId)
                      .setIdentity(temporal.getOptions().getIdentity())
                      .setWorkflowIdReusePolicy(
                          WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                      .setWorkflowExecutionTimeout(
                          com.google.protobuf.Duration.newBuilder()
                              .setSeconds(LIFETIME.toSeconds()))
                      .build())
              .getRunId();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return false;
      }
      throw e;
    }
    terminate(workflowId, runId, callId, deadline);
    return true;
  }

  private void terminate(String workflowId, String runId, UUID callId, Duration deadline) {
    try {
      temporal
          .getWorkflowServiceStubs()
          .blockingStub()
          .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .terminateWorkflowExecution(
              TerminateWorkflowExecutionRequest.newBuilder()
                  .setNamespace(temporal.getOptions().getNamespace())
                  .setWorkflowExecution(
                      WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
                  .setReason(
                      "the start of call "
                          + callId
                          + " could not be confirmed; the call is marked failed and is never"
                          + " dialled")
                  .setIdentity(temporal.getOptions().getIdentity())
                  .build());
    } catch (StatusRuntimeException e) {
      // The mark still holds the id; it times out within its lifetime.
      log.info("could not terminate the not-started mark of call {}: {}", callId, e.toString());
    }
  }
}
