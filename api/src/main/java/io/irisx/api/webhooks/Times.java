package io.irisx.api.webhooks;

import io.irisx.api.Contract;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Timestamps as the API writes them everywhere: ISO-8601 UTC with milliseconds. */
final class Times {
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  @Contract("!null -> !null")
  static @Nullable String iso(@Nullable Instant instant) {
    return instant == null ? null : UTC_MILLIS.format(instant);
  }
}
