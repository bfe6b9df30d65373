package io.irisx.workflows.admission;

import io.irisx.workflows.call.CallRequest;
import io.temporal.workflow.Async;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The slot one outbound call holds under its tenant's limits, from the call workflow's side: wait
 * for it in the tenant's queue (bounded by the maximum wait), keep its lease alive while the call
 * is up, give it back at the end. Why leases: a slot is a Redis entry that expires unless renewed,
 * so a call whose workflow was terminated or whose worker died frees its slot within one lease
 * period, without anyone having to notice it died. The renewal is a timer in the call's own history
 * (a few events a minute), not a polling loop.
 */
public final class CallSlot {
  private final CallSlotActivities slots = Workflow.newActivityStub(CallSlotActivities.class);
  private final CallRequest request;
  private final CallAdmission limits;
  private boolean granted;
  private boolean released;

  /** {@code request.admission()} null: the call is not under limits (inbound, or no Redis). */
  public CallSlot(CallRequest request) {
    this.request = request;
    this.limits = request.admission();
    this.granted = limits == null || limits.admitted();
  }

  /** Whether the call waits in its tenant's queue rather than holding a slot from the start. */
  public boolean queued() {
    return !granted;
  }

  /** The tenant queue's signal: the slot is ours. */
  public void onGranted() {
    granted = true;
  }

  /**
   * Waits in the tenant's queue until a slot is granted; false when the maximum wait passed first
   * (the call has then left the queue and holds nothing). Once held, the lease is renewed until
   * {@link #release()}.
   */
  public boolean acquire() {
    if (limits == null) {
      return true;
    }
    if (!granted) {
      slots.join(
          new QueuedCall(
              request.tenantId(),
              request.callId(),
              limits,
              Instant.ofEpochMilli(Workflow.currentTimeMillis())));
      boolean got = Workflow.await(Duration.ofSeconds(limits.maxWaitSeconds()), () -> granted);
      if (!got) {
        leaveQueue();
        return false;
      }
    }
    Async.procedure(this::renewWhileHeld);
    return true;
  }

  /** Frees the slot; the next waiting call of the tenant is woken. */
  public void release() {
    if (limits == null || released) {
      return;
    }
    released = true;
    slots.release(request.tenantId(), request.callId());
  }

  private void renewWhileHeld() {
    // A third of the lease: two renewals can be late (a busy worker) before the slot lapses.
    Duration every = Duration.ofMillis(limits.leaseSeconds() * 1000L / 3);
    while (!released) {
      if (!Workflow.await(every, () -> released)) {
        slots.renew(request.tenantId(), request.callId(), limits.leaseSeconds());
      }
    }
  }

  private void leaveQueue() {
    try {
      Workflow.newExternalWorkflowStub(
              TenantQueueWorkflow.class, TenantQueueWorkflow.workflowId(request.tenantId()))
          .leave(request.callId());
    } catch (SignalExternalWorkflowException queueGone) {
      // nothing to leave
    }
    // A grant that raced the deadline is given back here; its lease would otherwise run out alone.
    released = true;
    slots.release(request.tenantId(), request.callId());
  }
}
