package io.irisx.api.calls;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.irisx.workflows.call.CallRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What Temporal holds under a call's workflow id {@code call-<id>}: its workflow, a mark, nothing.
 */
final class CallWorkflowPresence {
  enum Presence {
    /** The call's own workflow (running or closed): the call is real. */
    CALL_WORKFLOW,
    /** {@link NotStartedMark}: the call's workflow can never start. */
    NOT_STARTED_MARK,
    /** Nothing yet: a start still on its way could land. */
    NOTHING
  }

  private final WorkflowClient temporal;

  CallWorkflowPresence(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /** Asks Temporal; throws its {@link StatusRuntimeException} if it does not answer in time. */
  Presence of(UUID callId, Duration deadline) {
    try {
      String type =
          temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder()
                              .setWorkflowId(CallRequest.workflowId(callId.toString())))
                      .build())
              .getWorkflowExecutionInfo()
              .getType()
              .getName();
      return NotStartedMark.WORKFLOW_TYPE.equals(type)
          ? Presence.NOT_STARTED_MARK
          : Presence.CALL_WORKFLOW;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Presence.NOTHING;
      }
      throw e;
    }
  }
}
