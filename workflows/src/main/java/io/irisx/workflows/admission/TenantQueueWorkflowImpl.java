package io.irisx.workflows.admission;

import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallWorkflow;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The order lives here, in Temporal: durable, visible in the UI, one history per tenant. The
 * counters live in Redis (activities): the head of the queue asks for a slot; granted, its call
 * workflow is signalled and the next one asks; refused, the queue sleeps until a slot is freed
 * (signal) or until the refusal says trying again could succeed (rate tokens refill, a lease of a
 * vanished call expires). No activity polls in a loop: one grant attempt per wake-up.
 */
public final class TenantQueueWorkflowImpl implements TenantQueueWorkflow {
  private static final Logger log = Workflow.getLogger(TenantQueueWorkflowImpl.class);

  /** A refused head is retried at least this often, at most this rarely. */
  private static final Duration MIN_RETRY = Duration.ofMillis(50);

  private static final Duration MAX_RETRY = Duration.ofSeconds(15);

  /** Continue as new well before the history grows large. */
  private static final int HISTORY_LIMIT = 5_000;

  private final CallSlotActivities slots = Workflow.newActivityStub(CallSlotActivities.class);
  private final Map<String, QueuedCall> waiting = new LinkedHashMap<>();
  private boolean freed;

  @Override
  public void run(TenantQueueState state) {
    state.waiting().forEach(call -> waiting.putIfAbsent(call.callId(), call));
    while (Workflow.getInfo().getHistoryLength() < HISTORY_LIMIT) {
      Workflow.await(() -> !waiting.isEmpty());
      QueuedCall head = waiting.values().iterator().next();
      freed = false;
      SlotGrant grant = slots.grant(head);
      if (grant.granted()) {
        waiting.remove(head.callId());
        admit(head);
        continue;
      }
      long millis =
          Math.clamp(grant.retryAfterMillis(), MIN_RETRY.toMillis(), MAX_RETRY.toMillis());
      Workflow.await(Duration.ofMillis(millis), () -> freed || !waiting.containsKey(head.callId()));
    }
    // Signals that arrive meanwhile are in `waiting` before the new run takes it over.
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(
        new TenantQueueState(state.tenantId(), new ArrayList<>(waiting.values())));
  }

  /** Tells the call it may go; a call that is gone (terminated) gives its slot straight back. */
  private void admit(QueuedCall call) {
    try {
      Workflow.newExternalWorkflowStub(CallWorkflow.class, CallRequest.workflowId(call.callId()))
          .onSlotGranted();
    } catch (SignalExternalWorkflowException gone) {
      log.info("call {} left before its slot came: releasing it", call.callId());
      slots.release(call.tenantId(), call.callId());
    }
  }

  @Override
  public void join(QueuedCall call) {
    waiting.putIfAbsent(call.callId(), call);
  }

  @Override
  public void leave(String callId) {
    waiting.remove(callId);
  }

  @Override
  public void slotFreed() {
    freed = true;
  }

  @Override
  public QueuePosition position(String callId) {
    int position = 1;
    for (QueuedCall call : waiting.values()) {
      if (call.callId().equals(callId)) {
        return new QueuePosition(position, call.since());
      }
      position++;
    }
    return null;
  }
}
