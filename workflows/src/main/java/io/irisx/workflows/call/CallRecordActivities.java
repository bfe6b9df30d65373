package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes a call's status, timeline and CDR to PostgreSQL; idempotent under retries. */
@ActivityInterface
public interface CallRecordActivities {

  /** The failure type of a write whose call has no row (it was lost); never retried as such. */
  String CALL_NOT_FOUND = "CallNotFound";

  /** Writes the {@code calls} row of an inbound call, as ringing; a repeat does nothing. */
  @ActivityMethod(name = ActivityCatalogue.REGISTER_INBOUND_CALL)
  void registerInbound(InboundCallRegistration call);

  @ActivityMethod(name = ActivityCatalogue.RECORD_TRANSITION)
  void recordTransition(CallTransition transition);

  @ActivityMethod(name = ActivityCatalogue.WRITE_CDR)
  void writeCdr(CallDetailRecord record);

  /**
   * Writes the {@code calls} row of an outbound call whose row is missing, as queued; a row that
   * exists is left alone. The timeline and the CDR fail with {@code CallNotFound} (not retried)
   * until it is there.
   */
  @ActivityMethod(name = ActivityCatalogue.RESTORE_CALL)
  void restoreOutbound(OutboundCallRestore call);
}
