package io.irisx.workflows.webhook;

import java.time.Duration;
import java.util.List;

/**
 * When a delivery is attempted: at once, then after each of these waits (Standard Webhooks'
 * suggested schedule). The last attempt comes 27 h 35 min 5 s after the first; a delivery whose
 * eight attempts all fail ends {@code failed}. docs/webhooks.md shows the same table.
 */
public final class RetrySchedule {
  /** The wait before attempt 2, 3, … 8. */
  public static final List<Duration> WAITS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  public static final int ATTEMPTS = WAITS.size() + 1;

  private RetrySchedule() {}

  /** The wait before attempt {@code attempt} (1-based within a run); zero for the first. */
  public static Duration waitBefore(int attempt) {
    return attempt <= 1 ? Duration.ZERO : WAITS.get(attempt - 2);
  }

  /** From the first attempt to the last. */
  public static Duration span() {
    return WAITS.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
