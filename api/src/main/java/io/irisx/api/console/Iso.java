package io.irisx.api.console;

import io.irisx.api.Contract;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Timestamps as the API writes them everywhere: ISO-8601 UTC with milliseconds. */
final class Iso {
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Iso() {}

  @Contract("!null -> !null")
  static @Nullable String of(@Nullable Instant instant) {
    return instant == null ? null : UTC_MILLIS.format(instant);
  }
}
