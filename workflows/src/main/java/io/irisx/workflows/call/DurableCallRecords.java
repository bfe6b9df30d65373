package io.irisx.workflows.call;

import io.irisx.workflows.activities.CallDetailRecord;
import io.irisx.workflows.activities.CallRecordActivities;
import io.irisx.workflows.activities.CallTransition;
import io.irisx.workflows.activities.InboundCallRegistration;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.util.function.Consumer;

/**
 * A call's records written by a local activity first and, should that fail for good, by a regular
 * activity: a local activity's retries live in the worker, and one cut short (the worker stopping
 * while the database is away) must not fail the call or lose its CDR, which the server's unbounded
 * retries of a regular activity never do. A record the activity itself refuses (non-retryable) is
 * refused either way. Workflow code: deterministic.
 */
final class DurableCallRecords implements CallRecordActivities {
  private final CallRecordActivities local;
  private final CallRecordActivities regular;

  DurableCallRecords(CallRecordActivities local, CallRecordActivities regular) {
    this.local = local;
    this.regular = regular;
  }

  @Override
  public void registerInbound(InboundCallRegistration call) {
    write(records -> records.registerInbound(call));
  }

  @Override
  public void recordTransition(CallTransition transition) {
    write(records -> records.recordTransition(transition));
  }

  @Override
  public void writeCdr(CallDetailRecord record) {
    write(records -> records.writeCdr(record));
  }

  private void write(Consumer<CallRecordActivities> step) {
    try {
      step.accept(local);
    } catch (ActivityFailure failure) {
      requireWorthRetrying(failure);
      step.accept(regular);
    }
  }

  private static void requireWorthRetrying(ActivityFailure failure) {
    if (failure.getCause() instanceof CanceledFailure
        || (failure.getCause() instanceof ApplicationFailure application
            && application.isNonRetryable())) {
      throw failure;
    }
  }
}
