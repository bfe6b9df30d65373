package io.irisx.api.console;

import io.irisx.db.console.LoginFailureDao;
import io.irisx.db.console.LoginFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits guessing: at most {@code maxFailuresPerEmail} failed log-ins for one email and {@code
 * maxFailuresPerAddress} from one client address within the window; past either, log-ins are
 * refused (the right password too) until the oldest failure leaves the window. An email that names
 * no account is counted and refused the same way, so the throttle tells nothing about which exist.
 */
public final class LoginThrottle {
  private final LoginFailureDao failures;
  private final ConsoleSettings settings;
  private final Clock clock;

  public LoginThrottle(LoginFailureDao failures, ConsoleSettings settings, Clock clock) {
    this.failures = failures;
    this.settings = settings;
    this.clock = clock;
  }

  /** How long to wait before trying again, or empty when a log-in may be tried now. */
  public Optional<Duration> retryAfter(String email, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(settings.failureWindow());
    Optional<Duration> byEmail =
        wait(failures.since(emailSubject(email), since), settings.getMaxFailuresPerEmail(), now);
    Optional<Duration> byAddress =
        address == null
            ? Optional.empty()
            : wait(
                failures.since(addressSubject(address), since),
                settings.getMaxFailuresPerAddress(),
                now);
    return byEmail.isPresent() ? byEmail : byAddress;
  }

  public void failed(String email, String address) {
    Instant now = clock.instant();
    failures.record(emailSubject(email), now);
    if (address != null) {
      failures.record(addressSubject(address), now);
    }
  }

  public void succeeded(String email) {
    failures.clear(emailSubject(email));
  }

  /** Forgets failures older than a day (run periodically). */
  public int purge() {
    return failures.purgeBefore(clock.instant().minus(Duration.ofDays(1)));
  }

  private Optional<Duration> wait(LoginFailures recent, int max, Instant now) {
    if (recent.count() < max || recent.oldest() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, recent.oldest().plus(settings.failureWindow()));
    return Optional.of(left.isNegative() ? Duration.ofSeconds(1) : left.plusSeconds(1));
  }

  private static String emailSubject(String email) {
    return "email:" + email.strip().toLowerCase(Locale.ROOT);
  }

  private static String addressSubject(String address) {
    return "ip:" + address;
  }
}
