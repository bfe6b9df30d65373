package io.irisx.api.calls;

import io.grpc.Context;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallSearchAttributes;
import io.irisx.workflows.call.CallWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a call's workflow and says, as surely as can be known, whether it runs. A start that fails
 * before its request reached a connection started nothing; one refused by Temporal started nothing;
 * one whose answer was lost is settled by asking Temporal ({@link StartSettlement}).
 */
public final class CallWorkflowStart {
  private static final Logger log = LoggerFactory.getLogger(CallWorkflowStart.class);

  public enum Outcome {
    /** Started now, or found started: the call is real. */
    STARTED,
    /** Surely not started, and it never will be. */
    NOT_STARTED,
    /** Temporal refused the request; a retry cannot succeed. */
    REFUSED,
    /** Whether it started is not known yet; the row stays for the reconciler. */
    UNKNOWN
  }

  /** How a start ended; {@code refusal} and {@code failure} say why, when it did not start. */
  public record Result(
      Outcome outcome, @Nullable String refusal, @Nullable RuntimeException failure) {
    static Result of(Outcome outcome, @Nullable RuntimeException failure) {
      return new Result(outcome, null, failure);
    }
  }

  private final WorkflowClient temporal;
  private final Duration startTimeout;
  private final Duration settleWithin;
  private final ScheduledExecutorService deadlines;
  private final StartSettlement settlement;

  public CallWorkflowStart(
      WorkflowClient temporal,
      Duration startTimeout,
      Duration settleWithin,
      ScheduledExecutorService deadlines) {
    this.temporal = temporal;
    this.startTimeout = startTimeout;
    this.settleWithin = settleWithin;
    this.deadlines = deadlines;
    this.settlement =
        new StartSettlement(new CallWorkflowPresence(temporal), new NotStartedMark(temporal));
  }

  public Result start(CallRequest request) {
    UUID callId = UUID.fromString(request.callId());
    RequestSentTracker.Watch watch = new RequestSentTracker.Watch();
    try {
      startWorkflow(request, watch);
      return Result.of(Outcome.STARTED, null);
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      // Only a derived id (an idempotency key) meets a workflow of its own: the same call, unless
      // what holds the id is the mark of a start that was given up.
      log.info("the workflow id of call {} is already taken", callId);
      return settled(callId, alreadyStarted);
    } catch (RuntimeException e) {
      // WorkflowServiceException or StatusRuntimeException mostly; whatever it is, a request that
      // may have reached Temporal is settled with it, never taken as "not started".
      var refusal = TemporalRefusal.of(e);
      if (refusal.isPresent()) {
        log.warn("Temporal refused the start of call {}: {}", callId, refusal.get());
        return new Result(Outcome.REFUSED, refusal.get(), e);
      }
      if (!watch.mayHaveArrived()) {
        log.warn("the start of call {} never reached Temporal: {}", callId, rootCause(e));
        return Result.of(Outcome.NOT_STARTED, e);
      }
      log.warn("the start of call {} got no answer, asking Temporal: {}", callId, rootCause(e));
      return settled(callId, e);
    }
  }

  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  private Result settled(UUID callId, RuntimeException failure) {
    return switch (settlement.settle(callId, settleWithin)) {
      case STARTED -> {
        log.info("call {} did start: its workflow exists", callId);
        yield Result.of(Outcome.STARTED, null);
      }
      case NOT_STARTED -> Result.of(Outcome.NOT_STARTED, failure);
      case UNKNOWN -> Result.of(Outcome.UNKNOWN, failure);
    };
  }

  private void startWorkflow(CallRequest request, RequestSentTracker.Watch watch) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(CallRequest.workflowId(request.callId()))
            .setTaskQueue(TaskQueues.CALLS)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setStaticSummary(
                "outbound " + request.from() + " → " + request.to() + " · " + request.flow())
            .setTypedSearchAttributes(CallSearchAttributes.initial(request))
            .setStaticDetails(
                "Outbound call "
                    + request.callId()
                    + " for tenant "
                    + request.tenantId()
                    + "; ring timeout "
                    + request.ringTimeoutSeconds()
                    + " s")
            .build();
    CallWorkflow workflow = temporal.newWorkflowStub(CallWorkflow.class, options);
    // The SDK retries an unreachable server until the gRPC context's deadline: bound the wait.
    Context.CancellableContext bounded =
        Context.current()
            .withDeadlineAfter(startTimeout.toMillis(), TimeUnit.MILLISECONDS, deadlines);
    try {
      watch.within(bounded).run(() -> WorkflowClient.start(workflow::run, request));
    } finally {
      bounded.cancel(null);
    }
  }
}
