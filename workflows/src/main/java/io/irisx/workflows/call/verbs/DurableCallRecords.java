package io.irisx.workflows.call.verbs;

import static io.irisx.workflows.call.CallRecordActivities.CALL_NOT_FOUND;

import io.irisx.workflows.call.CallDetailRecord;
import io.irisx.workflows.call.CallRecordActivities;
import io.irisx.workflows.call.CallTransition;
import io.irisx.workflows.call.InboundCallRegistration;
import io.irisx.workflows.call.OutboundCallRestore;
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

  /** The row of an outbound call as its request describes it; null for an inbound call. */
  private final OutboundCallRestore outbound;

  /** The row of an inbound call, once registered. */
  private InboundCallRegistration inbound;

  DurableCallRecords(
      CallRecordActivities local, CallRecordActivities regular, OutboundCallRestore outbound) {
    this.local = local;
    this.regular = regular;
    this.outbound = outbound;
  }

  @Override
  public void registerInbound(InboundCallRegistration call) {
    inbound = call;
    write(records -> records.registerInbound(call));
  }

  @Override
  public void restoreOutbound(OutboundCallRestore call) {
    writeOnce(records -> records.restoreOutbound(call));
  }

  @Override
  public void recordTransition(CallTransition transition) {
    write(records -> records.recordTransition(transition));
  }

  @Override
  public void writeCdr(CallDetailRecord record) {
    write(records -> records.writeCdr(record));
  }

  /**
   * A write whose call has lost its row (the database lost its last commits) writes the row again
   * from the call's own request, then itself: the workflow is the source of truth.
   */
  private void write(Consumer<CallRecordActivities> step) {
    try {
      writeOnce(step);
    } catch (ActivityFailure failure) {
      if (!(failure.getCause() instanceof ApplicationFailure application)
          || !CALL_NOT_FOUND.equals(application.getType())) {
        throw failure;
      }
      if (outbound != null) {
        writeOnce(records -> records.restoreOutbound(outbound));
      } else if (inbound != null) {
        writeOnce(records -> records.registerInbound(inbound));
      } else {
        throw failure;
      }
      writeOnce(step);
    }
  }

  private void writeOnce(Consumer<CallRecordActivities> step) {
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
