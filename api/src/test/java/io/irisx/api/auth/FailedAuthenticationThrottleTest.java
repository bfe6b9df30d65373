package io.irisx.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Refused keys are counted per client address, within a window that ends. */
class FailedAuthenticationThrottleTest {
  private Instant now = Instant.parse("2026-12-02T10:00:00Z");

  private final FailedAuthenticationThrottle throttle =
      new FailedAuthenticationThrottle(
          new Clock() {
            @Override
            public Instant instant() {
              return now;
            }

            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }
          });

  @Test
  void oneAddressIsThrottledOthersAreNotAndTheWindowEnds() {
    for (int i = 0; i < FailedAuthenticationThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("203.0.113.7");
    }
    assertThat(throttle.waitFor("203.0.113.7")).isZero();
    throttle.failed("203.0.113.7");

    assertThat(throttle.waitFor("203.0.113.7")).isEqualTo(FailedAuthenticationThrottle.WINDOW);
    assertThat(throttle.waitFor("198.51.100.9")).isZero();
    now = now.plus(FailedAuthenticationThrottle.WINDOW).plus(Duration.ofMillis(1));
    assertThat(throttle.waitFor("203.0.113.7")).isZero();
  }
}
