package io.irisx.workflows.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * How to record the caller: how long at most, how much silence ends the recording, whether a beep
 * comes first, and which key stops it.
 *
 * <pre>{@code
 * Recording message = call.record(Record.upTo(Duration.ofMinutes(2)).silenceEnds(Duration.ofSeconds(5)).beep());
 * }</pre>
 *
 * @param maxLength the switch stops the recording after this long (1 s .. 4 h)
 * @param silence this much silence ends it (FreeSWITCH's {@code RECORD_INITIAL_TIMEOUT_MS} and
 *     {@code RECORD_FINAL_TIMEOUT_MS}: before and after the caller spoke); zero for no silence end
 * @param beepMedia media played just before recording starts, or null for none
 * @param stopKeys keys that end the recording when pressed (e.g. {@code #}); empty for none
 */
public record Record(Duration maxLength, Duration silence, String beepMedia, String stopKeys) {
  /** A plain 800 Hz beep of half a second. */
  public static final String BEEP = "tone_stream://%(500,0,800)";

  public static final Duration LONGEST = Duration.ofHours(4);

  public Record {
    Objects.requireNonNull(maxLength, "maxLength");
    if (maxLength.compareTo(Duration.ofSeconds(1)) < 0 || maxLength.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("maxLength must be 1 s .. 4 h, got " + maxLength);
    }
    silence = silence == null ? Duration.ZERO : silence;
    if (silence.isNegative() || silence.compareTo(maxLength) > 0) {
      throw new IllegalArgumentException("silence must be 0 .. maxLength, got " + silence);
    }
    stopKeys = stopKeys == null ? "" : stopKeys;
    if (!stopKeys.matches("[0-9*#A-D]*")) {
      throw new IllegalArgumentException("stopKeys must be DTMF keys: " + stopKeys);
    }
  }

  /** Records for up to {@code maxLength}; {@code #} stops it early; no silence end, no beep. */
  public static Record upTo(Duration maxLength) {
    return new Record(maxLength, Duration.ZERO, null, "#");
  }

  public Record silenceEnds(Duration afterSilence) {
    return new Record(maxLength, afterSilence, beepMedia, stopKeys);
  }

  /** Plays {@link #BEEP} first. */
  public Record beep() {
    return beep(BEEP);
  }

  /** Plays {@code media} first (a sound file or a tone stream). */
  public Record beep(String media) {
    return new Record(maxLength, silence, media, stopKeys);
  }

  public Record stopKeys(String keys) {
    return new Record(maxLength, silence, beepMedia, keys);
  }
}
