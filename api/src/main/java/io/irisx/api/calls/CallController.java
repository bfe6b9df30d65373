package io.irisx.api.calls;

import io.grpc.Context;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.db.CallDao;
import io.irisx.db.CallRow;
import io.irisx.workflows.admission.QueuePosition;
import io.irisx.workflows.admission.TenantQueueWorkflow;
import io.irisx.workflows.call.CallCommands;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallState;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.CallWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steers live calls: each command is a Temporal Update of the call's workflow, validated there
 * against the call's state, so the answer says what the call did. A call that has ended, or whose
 * state refuses the command, is a 409; a call of another tenant is a 404, exactly like one that
 * does not exist.
 */
public final class CallController {
  private static final Logger log = LoggerFactory.getLogger(CallController.class);

  /** A live view is a nicety of GET: never let a busy or absent worker hold the read up. */
  private static final long LIVE_STATE_DEADLINE_MILLIS = 2_000;

  /** A hangup waits for the switch to confirm; a call that takes longer answers 503. */
  private static final long COMMAND_DEADLINE_MILLIS = 20_000;

  private final CallDao calls;
  private final WorkflowClient temporal;
  private final ScheduledExecutorService deadlines;

  public CallController(
      CallDao calls, WorkflowClient temporal, ScheduledExecutorService deadlines) {
    this.calls = calls;
    this.temporal = temporal;
    this.deadlines = deadlines;
  }

  public CallState hangup(AuthenticatedTenant tenant, UUID callId, CallCommands.Hangup command) {
    return update(tenant, callId, call -> call.hangup(command));
  }

  public CallState play(AuthenticatedTenant tenant, UUID callId, CallCommands.Play command) {
    return update(tenant, callId, call -> call.play(command));
  }

  public CallState sendDigits(
      AuthenticatedTenant tenant, UUID callId, CallCommands.SendDigits command) {
    return update(tenant, callId, call -> call.sendDigits(command));
  }

  public CallState redirect(
      AuthenticatedTenant tenant, UUID callId, CallCommands.Redirect command) {
    return update(tenant, callId, call -> call.redirect(command));
  }

  /**
   * The call's state from its workflow while it runs; empty once it has ended or cannot be asked.
   */
  public Optional<CallState> liveState(CallRow call) {
    if (call.endedAt() != null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(within(LIVE_STATE_DEADLINE_MILLIS, () -> stub(call.id()).state()));
    } catch (RuntimeException e) {
      // The row is the record; a live view that cannot be had right now is simply left out.
      log.debug("no live state for call {}: {}", call.id(), e.toString());
      return Optional.empty();
    }
  }

  /** A queued call's place in its tenant's queue; empty when it is not waiting for a slot. */
  public Optional<QueuePosition> queuePosition(CallRow call) {
    if (!CallStatus.QUEUED.wireName().equals(call.status())
        || !"outbound".equals(call.direction())) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          within(
              LIVE_STATE_DEADLINE_MILLIS,
              () ->
                  temporal
                      .newWorkflowStub(
                          TenantQueueWorkflow.class,
                          TenantQueueWorkflow.workflowId(call.tenantId().toString()))
                      .position(call.id().toString())));
    } catch (RuntimeException e) {
      // No queue (the tenant never queued a call) or Temporal busy: the call shows no position.
      log.debug("no queue position for call {}: {}", call.id(), e.toString());
      return Optional.empty();
    }
  }

  /** The tenant's call; another tenant's is not found, exactly like one that does not exist. */
  public CallRow requireCall(AuthenticatedTenant tenant, UUID callId) {
    return calls
        .find(tenant.tenantId(), callId)
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No call " + callId + "."));
  }

  private CallState update(
      AuthenticatedTenant tenant, UUID callId, Function<CallWorkflow, CallState> command) {
    CallRow call = requireCall(tenant, callId);
    if (call.endedAt() != null) {
      throw ended(call);
    }
    try {
      return within(COMMAND_DEADLINE_MILLIS, () -> command.apply(stub(callId)));
    } catch (WorkflowUpdateException refused) {
      throw refusal(call, refused);
    } catch (WorkflowNotFoundException finished) {
      throw ended(call);
    } catch (WorkflowServiceException unreachable) {
      if (unreachable.getCause() instanceof io.grpc.StatusRuntimeException status
          && status.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        throw ended(call);
      }
      log.warn("call {}: could not reach its workflow", callId, unreachable);
      throw new ProblemException(
              ProblemType.CALL_CONTROL_UNAVAILABLE,
              "The call did not answer in time; if it received the command, the command still takes effect.")
          .causedBy(unreachable)
          .withHeader("Retry-After", "1");
    }
  }

  /** Runs a Temporal call under a gRPC deadline: the SDK would otherwise retry for a long time. */
  private <T> T within(long millis, java.util.concurrent.Callable<T> call) {
    Context.CancellableContext bounded =
        Context.current().withDeadlineAfter(millis, TimeUnit.MILLISECONDS, deadlines);
    try {
      return bounded.call(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      bounded.cancel(null);
    }
  }

  private CallWorkflow stub(UUID callId) {
    return temporal.newWorkflowStub(CallWorkflow.class, CallRequest.workflowId(callId.toString()));
  }

  private static ProblemException refusal(CallRow call, WorkflowUpdateException refused) {
    if (refused.getCause() instanceof ApplicationFailure failure) {
      String reason = failure.getOriginalMessage();
      if (failure.getType().endsWith("IllegalArgumentException")) {
        return ProblemException.validation("body", reason);
      }
      if (reason != null && reason.contains("has ended")) {
        return ended(call);
      }
      return new ProblemException(
          ProblemType.CALL_STATE_CONFLICT, "Call " + call.id() + ": " + reason + ".");
    }
    return new ProblemException(
        ProblemType.CALL_STATE_CONFLICT, "Call " + call.id() + " did not accept the command.");
  }

  private static ProblemException ended(CallRow call) {
    return new ProblemException(
        ProblemType.CALL_STATE_CONFLICT, "Call " + call.id() + " has ended.");
  }
}
