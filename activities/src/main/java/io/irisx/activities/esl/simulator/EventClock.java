package io.irisx.activities.esl.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The time formats FreeSWITCH puts on events, CDR variables and channel listings. */
final class EventClock {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter GMT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private EventClock() {}

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  static String local(long epochMicros) {
    return LOCAL.format(toInstant(epochMicros).atZone(ZoneId.systemDefault()));
  }

  static String gmt(long epochMicros) {
    return GMT.format(toInstant(epochMicros));
  }

  private static Instant toInstant(long epochMicros) {
    return Instant.ofEpochSecond(epochMicros / 1_000_000L, (epochMicros % 1_000_000L) * 1_000L);
  }
}
