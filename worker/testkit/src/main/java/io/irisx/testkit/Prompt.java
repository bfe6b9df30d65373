package io.irisx.testkit;

import java.time.Duration;

/**
 * One prompt the caller heard: what, from when to when (since the answer), and whether it played to
 * its end or was cut short (a digit, a stop, a hangup).
 */
public record Prompt(String media, Duration startedAt, Duration stoppedAt, boolean complete) {

  public Duration heardFor() {
    return stoppedAt.minus(startedAt);
  }
}
