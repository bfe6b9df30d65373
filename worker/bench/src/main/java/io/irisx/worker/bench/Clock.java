package io.irisx.worker.bench;

import java.time.Instant;

/** Wall-clock microseconds: every process of the bench runs on this machine, so they compare. */
final class Clock {
  private Clock() {}

  static long nowMicros() {
    return micros(Instant.now());
  }

  static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }
}
