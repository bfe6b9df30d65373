package io.irisx.activities.esl;

import java.time.Duration;
import java.util.Objects;

/**
 * How the event-socket link looks after itself. After a failed attempt or a lost link the next
 * attempt waits {@code initialBackoff}, doubling per consecutive failure up to {@code maxBackoff};
 * a link that stayed up for at least {@code maxBackoff} starts the doubling afresh. A connected
 * link that receives no HEARTBEAT for {@code heartbeatTimeout} (FreeSWITCH sends one every 20 s) is
 * treated as dead and replaced.
 */
public record EslLinkPolicy(
    Duration initialBackoff,
    Duration maxBackoff,
    Duration heartbeatTimeout,
    Duration reconcilePeriod) {

  /**
   * How often the link compares the switch's channels with those IRISX believes up while it is
   * connected (a hangup event can be lost without the link dropping); after a reconnect it always
   * does so at once. A vanished channel's call ends at most this long after the channel did, with
   * the time it was last known up.
   */
  public static final Duration DEFAULT_RECONCILE_PERIOD = Duration.ofSeconds(15);

  public EslLinkPolicy(Duration initialBackoff, Duration maxBackoff, Duration heartbeatTimeout) {
    this(initialBackoff, maxBackoff, heartbeatTimeout, DEFAULT_RECONCILE_PERIOD);
  }

  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

  /** Three missed beats of FreeSWITCH's default 20-second HEARTBEAT. */
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);

  public EslLinkPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    Objects.requireNonNull(reconcilePeriod, "reconcilePeriod");
    if (reconcilePeriod.isNegative() || reconcilePeriod.isZero()) {
      throw new IllegalArgumentException("reconcilePeriod must be positive: " + reconcilePeriod);
    }
    if (initialBackoff.isNegative()
        || initialBackoff.isZero()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must be positive and initial <= max: " + initialBackoff + ", " + maxBackoff);
    }
    if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
      throw new IllegalArgumentException("heartbeatTimeout must be positive: " + heartbeatTimeout);
    }
  }

  public static EslLinkPolicy defaults() {
    return new EslLinkPolicy(
        DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_HEARTBEAT_TIMEOUT);
  }

  public EslLinkPolicy withHeartbeatTimeout(Duration value) {
    return new EslLinkPolicy(initialBackoff, maxBackoff, value, reconcilePeriod);
  }

  public EslLinkPolicy withBackoff(Duration initial, Duration max) {
    return new EslLinkPolicy(initial, max, heartbeatTimeout, reconcilePeriod);
  }

  public EslLinkPolicy withReconcilePeriod(Duration value) {
    return new EslLinkPolicy(initialBackoff, maxBackoff, heartbeatTimeout, value);
  }

  /**
   * The wait before the next attempt after {@code failures} consecutive failures (0 for the first).
   */
  public Duration backoff(int failures) {
    long millis = initialBackoff.toMillis();
    for (int i = 0; i < failures && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
