package io.irisx.workflows.call;

import java.util.Arrays;

/**
 * Where a call is in its life; the wire names are what the API and the {@code calls} table show.
 */
public enum CallStatus {
  QUEUED("queued"),
  RINGING("ringing"),
  IN_PROGRESS("in-progress"),
  COMPLETED("completed"),
  BUSY("busy"),
  NO_ANSWER("no-answer"),
  FAILED("failed"),
  CANCELED("canceled");

  private final String wireName;

  CallStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isFinal() {
    return ordinal() >= COMPLETED.ordinal();
  }

  public static CallStatus fromWireName(String name) {
    return Arrays.stream(values())
        .filter(s -> s.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown call status: " + name));
  }
}
