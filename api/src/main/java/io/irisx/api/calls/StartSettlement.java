package io.irisx.api.calls;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a start whose answer was lost (a timeout, a connection cut after the request left): asks
 * Temporal, for a bounded time, whether the call's workflow exists; if Temporal knows none, makes
 * sure none can appear ({@link NotStartedMark}) before saying it did not start.
 */
final class StartSettlement {
  private static final Logger log = LoggerFactory.getLogger(StartSettlement.class);

  enum Outcome {
    /** The call's workflow exists: the call is real. */
    STARTED,
    /** It does not, and never will: the call may be failed. */
    NOT_STARTED,
    /** Temporal did not say within the time allowed. */
    UNKNOWN
  }

  private static final Duration LONGEST_ATTEMPT = Duration.ofSeconds(2);
  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 1_000;

  private final CallWorkflowPresence presence;
  private final NotStartedMark mark;

  StartSettlement(CallWorkflowPresence presence, NotStartedMark mark) {
    this.presence = presence;
    this.mark = mark;
  }

  Outcome settle(UUID callId, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    while (true) {
      Duration left = Duration.ofNanos(end - System.nanoTime());
      if (left.isNegative() || left.isZero()) {
        return Outcome.UNKNOWN;
      }
      Duration attempt = left.compareTo(LONGEST_ATTEMPT) < 0 ? left : LONGEST_ATTEMPT;
      try {
        switch (presence.of(callId, attempt)) {
          case CALL_WORKFLOW -> {
            return Outcome.STARTED;
          }
          case NOT_STARTED_MARK -> {
            return Outcome.NOT_STARTED;
          }
          case NOTHING -> {
            if (mark.place(callId, attempt)) {
              return Outcome.NOT_STARTED;
            }
            continue; // the id was taken meanwhile: the next look says by what
          }
        }
      } catch (RuntimeException e) {
        // StatusRuntimeException mostly: no answer is no answer, whatever the failure.
        log.debug("Temporal did not say whether call {} started: {}", callId, e.toString());
      }
      if (Duration.ofNanos(end - System.nanoTime()).toMillis() <= pause) {
        return Outcome.UNKNOWN;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.UNKNOWN;
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
    }
  }
}
