package io.irisx.api.calls;

import io.irisx.db.CallDao;
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
 * between (the API killed, its host lost), or a start whose answer was lost ({@code 503
 * call-outcome-unknown}), leaves a row that may never be dialled. Every {@link #PERIOD} each API
 * replica looks at the outbound calls queued for longer than {@link #GRACE} and settles each with
 * Temporal ({@link StartSettlement}): a call whose workflow exists is left to it; one whose
 * workflow does not exist has its id taken by a {@link NotStartedMark} (so a start still on its way
 * can no longer land) and is ended as {@code failed} (NORMAL_TEMPORARY_FAILURE, nothing billed).
 * Within a minute the call is visibly over, or dialled, never both. Replicas doing the same at once
 * is harmless (the mark and the row's update both happen once), and a Temporal that does not answer
 * ends nothing.
 */
public final class NeverStartedCalls {
  private static final Logger log = LoggerFactory.getLogger(NeverStartedCalls.class);

  /** Longer than any start takes (the start's own deadline is a few seconds). */
  public static final Duration GRACE = Duration.ofSeconds(30);

  public static final Duration PERIOD = Duration.ofSeconds(20);

  private static final int BATCH = 200;
  private static final Duration SETTLE_WITHIN = Duration.ofSeconds(5);

  private final CallDao calls;
  private final StartSettlement settlement;
  private final Clock clock;

  public NeverStartedCalls(CallDao calls, WorkflowClient temporal, Clock clock) {
    this.calls = calls;
    this.settlement =
        new StartSettlement(new CallWorkflowPresence(temporal), new NotStartedMark(temporal));
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
      StartSettlement.Outcome outcome = settlement.settle(callId, SETTLE_WITHIN);
      if (outcome == StartSettlement.Outcome.UNKNOWN) {
        break; // Temporal does not answer: the next sweep tries again
      }
      if (outcome == StartSettlement.Outcome.NOT_STARTED && calls.failNeverStarted(callId, now)) {
        log.warn("call {} was queued but its workflow never started: ended as failed", callId);
        ended++;
      }
    }
    return ended;
  }
}
