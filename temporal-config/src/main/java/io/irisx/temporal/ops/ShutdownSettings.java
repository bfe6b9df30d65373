package io.irisx.temporal.ops;

import java.time.Duration;

/**
 * How a process stops on SIGTERM. First it reports not ready and waits {@code drainDelaySeconds} so
 * load balancers and probes stop sending it work; then a worker stops polling and gives running
 * activities up to {@code graceSeconds} to finish (what is still running then is retried by
 * Temporal on another worker), and the API finishes the requests in flight.
 */
public record ShutdownSettings(Integer drainDelaySeconds, Integer graceSeconds) {
  public ShutdownSettings {
    if (drainDelaySeconds == null) {
      drainDelaySeconds = 0;
    }
    if (graceSeconds == null) {
      graceSeconds = 30;
    }
    if (drainDelaySeconds < 0 || graceSeconds < 0) {
      throw new IllegalArgumentException("shutdown delays must not be negative");
    }
  }

  public static ShutdownSettings defaults() {
    return new ShutdownSettings(0, 30);
  }

  public Duration drainDelay() {
    return Duration.ofSeconds(drainDelaySeconds);
  }

  public Duration grace() {
    return Duration.ofSeconds(graceSeconds);
  }
}
