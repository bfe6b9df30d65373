package io.irisx.activities.recording;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The object key of a recording: {@code <tenant>/<yyyy>/<mm>/<dd>/<callId>/<recordingId>.wav}. */
public final class RecordingKeys {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu/MM/dd").withZone(ZoneOffset.UTC);

  private RecordingKeys() {}

  public static String of(UUID tenantId, Instant startedAt, UUID callId, UUID recordingId) {
    return tenantId + "/" + DAY.format(startedAt) + "/" + callId + "/" + recordingId + ".wav";
  }
}
