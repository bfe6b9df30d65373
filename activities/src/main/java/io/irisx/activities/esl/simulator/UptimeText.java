package io.irisx.activities.esl.simulator;

import java.time.Duration;

/** FreeSWITCH's uptime sentence: "0 years, 0 days, 1 hour, 2 minutes, ..." with English plurals. */
final class UptimeText {
  private UptimeText() {}

  static String of(Duration uptime) {
    long micros = uptime.toNanos() / 1_000;
    long totalSeconds = micros / 1_000_000;
    long days = totalSeconds / 86_400;
    return unit(days / 365, "year")
        + ", "
        + unit(days % 365, "day")
        + ", "
        + unit(totalSeconds / 3600 % 24, "hour")
        + ", "
        + unit(totalSeconds / 60 % 60, "minute")
        + ", "
        + unit(totalSeconds % 60, "second")
        + ", "
        + unit(micros / 1000 % 1000, "millisecond")
        + ", "
        + unit(micros % 1000, "microsecond");
  }

  private static String unit(long value, String name) {
    return value + " " + name + (value == 1 ? "" : "s");
  }
}
