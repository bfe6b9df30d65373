package io.irisx.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes a call's status, timeline and CDR to PostgreSQL; idempotent under retries. */
@ActivityInterface
public interface CallRecordActivities {

  @ActivityMethod(name = "RecordTransition")
  void recordTransition(CallTransition transition);

  @ActivityMethod(name = "WriteCdr")
  void writeCdr(CallDetailRecord record);
}
