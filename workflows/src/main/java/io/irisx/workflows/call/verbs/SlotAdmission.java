package io.irisx.workflows.call.verbs;

import io.irisx.workflows.admission.CallSlot;
import io.irisx.workflows.call.CallDetailRecord;
import io.irisx.workflows.call.CallResult;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/**
 * An outbound call's slot under its tenant's call limits ({@link io.irisx.workflows.admission}): it
 * waits in the tenant's queue if the API queued it, and never dials when no slot came in time.
 */
final class SlotAdmission {
  static final String ADMISSION_CHANGE = "tenant-call-admission";

  private final CallSession session;
  private final CallTimeline timeline;
  private final CallDetails details;

  /** The call's slot under its tenant's limits; null for calls that run under none. */
  private CallSlot slot;

  private boolean slotGranted;

  SlotAdmission(CallSession session, CallTimeline timeline, CallDetails details) {
    this.session = session;
    this.timeline = timeline;
    this.details = details;
  }

  /** The tenant queue's signal; it may come before the call asks for its slot. */
  void onSlotGranted() {
    slotGranted = true;
    if (slot != null) {
      slot.onGranted();
    }
  }

  /** False when the call waited its longest for a slot and got none (calls since the change). */
  boolean admitted() {
    return Workflow.getVersion(ADMISSION_CHANGE, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION
        || takeSlot();
  }

  /** Gives the slot back, if the call held one. */
  void release() {
    if (slot != null) {
      slot.release();
    }
  }

  /** Waits for a slot if the API queued the call; false when the maximum wait passed first. */
  private boolean takeSlot() {
    slot = new CallSlot(session.request());
    if (slotGranted) {
      slot.onGranted();
    }
    if (!slot.queued()) {
      return slot.acquire();
    }
    timeline.record(
        "call.waiting",
        CallStatus.QUEUED,
        CallSession.now(),
        "over the tenant's call limits: waiting for a slot");
    if (!slot.acquire()) {
      return false;
    }
    timeline.record("call.admitted", CallStatus.QUEUED, CallSession.now(), "a slot is free");
    return true;
  }

  /**
   * The call never got a slot: canceled, with the reason in its timeline and CDR, never dialled.
   */
  CallResult canceledInQueue() {
    String reason =
        "queue-timeout: no slot within "
            + session.request().admission().maxWaitSeconds()
            + " s under the tenant's call limits";
    Instant endedAt = CallSession.now();
    timeline.record("call.canceled", CallStatus.CANCELED, endedAt, reason);
    CallDetailRecord cdr = details.canceledInQueue(endedAt, reason);
    session.bookkeeping().records().writeCdr(cdr);
    timeline.publish(WebhookEventTypes.CALL_FAILED, details.cdrData(cdr));
    timeline.publish(WebhookEventTypes.CALL_COMPLETED, details.cdrData(cdr));
    timeline.awaitPublished();
    return new CallResult(session.request().callId(), CallStatus.CANCELED, null, 0);
  }
}
