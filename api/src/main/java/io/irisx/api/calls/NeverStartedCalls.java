package io.irisx.api.calls;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.irisx.db.CallDao;
import io.irisx.workflows.call.CallRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the calls whose workflow never started. {@code POST /v1/calls} writes the {@code queued} row
 * before it starts the workflow (the workflow's first write must find it); a request cut off in
 * between (the API killed, its host lost) leaves a row nobody will ever dial. Every {@link #PERIOD}
 * each API replica looks at the outbound calls queued for longer than {@link #GRACE}, asks Temporal
 * for each call's workflow, and ends those Temporal has never heard of as {@code failed}
 * (NORMAL_TEMPORARY_FAILURE, nothing billed): within a minute of the cut, the call is visibly over.
 * Replicas doing the same at once is harmless (only a still-queued row is ended), and a Temporal
 * that does not answer ends nothing.
 */
public final class NeverStartedCalls {
  private static final Logger log = LoggerFactory.getLogger(NeverStartedCalls.class);

  /** Longer than any start takes (the start's own deadline is a few seconds). */
  public static final Duration GRACE = Duration.ofSeconds(30);

  public static final Duration PERIOD = Duration.ofSeconds(20);

  private static final int BATCH = 200;
  private static final long DESCRIBE_DEADLINE_MILLIS = 5_000;

  private final CallDao calls;
  private final WorkflowClient temporal;
  private final Clock clock;

  public NeverStartedCalls(CallDao calls, WorkflowClient temporal, Clock clock) {
    this.calls = calls;
    this.temporal = temporal;
    this.clock = clock;
  }

  public void scheduleOn(ScheduledExecutorService executor) {
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            sweep();
          } catch (RuntimeException e) {
            log.warn("could not look for calls whose workflow never started: {}", e.toString());
          }
        },
        PERIOD.toMillis(),
        PERIOD.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Ends every never-started call queued before the grace period; how many it ended. */
  public int sweep() {
    Instant now = clock.instant();
    int ended = 0;
    for (UUID callId : calls.queuedOutboundCreatedBefore(now.minus(GRACE), BATCH)) {
      if (!workflowExists(callId) && calls.failNeverStarted(callId, now)) {
        log.warn("call {} was queued but its workflow never started: ended as failed", callId);
        ended++;
      }
    }
    return ended;
  }

  private boolean workflowExists(UUID callId) {
    try {
      temporal
          .getWorkflowServiceStubs()
          .blockingStub()
          .withDeadlineAfter(DESCRIBE_DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(temporal.getOptions().getNamespace())
                  .setExecution(
                      WorkflowExecution.newBuilder()
                          .setWorkflowId(CallRequest.workflowId(callId.toString())))
                  .build());
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e; // Temporal does not answer: nothing is ended on a guess
    }
  }
}
