package io.irisx.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per client address, in this replica: after {@link #MAX_FAILURES} refused
 * keys within {@link #WINDOW}, the address is answered 429 without its key being looked up until
 * the window that began with its first failure has passed. A client with a good key never fails, so
 * it is never throttled; a key guesser gets a few dozen guesses a minute per replica.
 */
public final class FailedAuthenticationThrottle {
  public static final int MAX_FAILURES = 60;
  public static final Duration WINDOW = Duration.ofMinutes(1);

  /** Beyond this many addresses the expired windows are dropped. */
  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private record Window(Instant start, int failures) {}

  public FailedAuthenticationThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the address must wait; zero when it may try. */
  public Duration waitFor(String address) {
    Window window = windows.get(address);
    if (window == null || window.failures() < MAX_FAILURES) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), window.start().plus(WINDOW));
    if (left.isNegative() || left.isZero()) {
      windows.remove(address, window);
      return Duration.ZERO;
    }
    return left;
  }

  public void failed(String address) {
    Instant now = clock.instant();
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w.start().plus(WINDOW).isBefore(now));
    }
    windows.compute(
        address,
        (key, window) ->
            window == null || window.start().plus(WINDOW).isBefore(now)
                ? new Window(now, 1)
                : new Window(window.start(), window.failures() + 1));
  }
}
