package io.irisx.workflows.admission;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One tenant's queue of calls waiting for a slot, in the order they joined. Workflow id {@code
 * call-queue-<tenantId>}; it runs as long as the tenant makes calls (continuing as new).
 */
@WorkflowInterface
public interface TenantQueueWorkflow {

  static String workflowId(String tenantId) {
    return "call-queue-" + tenantId;
  }

  @WorkflowMethod(name = "TenantCallQueue")
  void run(TenantQueueState state);

  @SignalMethod(name = "join")
  void join(QueuedCall call);

  /** The call stopped waiting (it gave up): it leaves the queue. */
  @SignalMethod(name = "leave")
  void leave(String callId);

  /** A slot was freed: the head of the queue may go now rather than at its next retry. */
  @SignalMethod(name = "slotFreed")
  void slotFreed();

  /** The call's place in the queue; null when it is not waiting (any more). */
  @QueryMethod(name = "position")
  QueuePosition position(String callId);
}
