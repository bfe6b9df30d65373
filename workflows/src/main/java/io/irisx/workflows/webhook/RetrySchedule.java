package io.irisx.workflows.webhook;

import java.time.Duration;
import java.util.List;

/**
 * When a delivery is attempted: at once, then after each of {@code waits}. docs/webhooks.md shows
 * the same table.
 *
 * @param waits the wait before attempt 2, 3, …
 */
public record RetrySchedule(List<Duration> waits) {
  /**
   * Deliveries begun before {@value WebhookDeliveryWorkflowImpl#THREE_DAYS_CHANGE}: Standard
   * Webhooks' suggested waits, eight attempts, the last 27 h 35 min 5 s after the first.
   */
  public static final RetrySchedule TWENTY_SEVEN_HOURS =
      new RetrySchedule(
          List.of(
              Duration.ofSeconds(5),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              Duration.ofHours(2),
              Duration.ofHours(5),
              Duration.ofHours(10),
              Duration.ofHours(10)));

  /**
   * Every delivery now: the same waits, then two more of a day, ten attempts, the last 3 days 3 h
   * 35 min 5 s after the first, so a receiver down over a long weekend still gets its events.
   */
  public static final RetrySchedule THREE_DAYS =
      new RetrySchedule(
          List.of(
              Duration.ofSeconds(5),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              Duration.ofHours(2),
              Duration.ofHours(5),
              Duration.ofHours(10),
              Duration.ofHours(10),
              Duration.ofDays(1),
              Duration.ofDays(1)));

  /** The longest {@code Retry-After} honoured: a receiver cannot park a delivery for weeks. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  public RetrySchedule {
    waits = List.copyOf(waits);
  }

  public int attempts() {
    return waits.size() + 1;
  }

  /** The wait before attempt {@code attempt} (1-based within a run); zero for the first. */
  public Duration waitBefore(int attempt) {
    return attempt <= 1 ? Duration.ZERO : waits.get(attempt - 2);
  }

  /**
   * The wait before attempt {@code attempt} when the one before it was answered with {@code
   * Retry-After}: never sooner than the receiver asked, nor than the schedule says.
   */
  public Duration waitBefore(int attempt, Long retryAfterMillis) {
    Duration scheduled = waitBefore(attempt);
    if (retryAfterMillis == null || retryAfterMillis <= 0) {
      return scheduled;
    }
    Duration asked = Duration.ofMillis(retryAfterMillis);
    if (asked.compareTo(MAX_RETRY_AFTER) > 0) {
      asked = MAX_RETRY_AFTER;
    }
    return asked.compareTo(scheduled) > 0 ? asked : scheduled;
  }

  /** From the first attempt to the last. */
  public Duration span() {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
