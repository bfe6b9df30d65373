package io.irisx.workflows.activities;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes a call's status, timeline and CDR to PostgreSQL; idempotent under retries. */
@ActivityInterface
public interface CallRecordActivities {

  /** Writes the {@code calls} row of an inbound call, as ringing; a repeat does nothing. */
  @ActivityMethod(name = ActivityCatalogue.REGISTER_INBOUND_CALL)
  void registerInbound(InboundCallRegistration call);

  @ActivityMethod(name = ActivityCatalogue.RECORD_TRANSITION)
  void recordTransition(CallTransition transition);

  @ActivityMethod(name = ActivityCatalogue.WRITE_CDR)
  void writeCdr(CallDetailRecord record);
}
