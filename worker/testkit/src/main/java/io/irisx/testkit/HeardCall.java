package io.irisx.testkit;

import io.irisx.activities.esl.SwitchEvent;
import io.irisx.activities.esl.simulator.EslSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the far end of one call experienced, read from the switch's own events on the wire: the
 * answer, each prompt (PLAYBACK_START/STOP, {@code done} or cut short), the keys pressed (DTMF) and
 * the hangup. Times are virtual, counted from the answer.
 */
public final class HeardCall {
  private long answeredMicros;
  private final List<Prompt> prompts = new ArrayList<>();
  private final Map<String, Long> playingSince = new HashMap<>();
  private final StringBuilder pressed = new StringBuilder();
  private @Nullable String hangupCause;
  private boolean hungUp;

  synchronized void observe(SwitchEvent event) {
    long at = micros(event);
    switch (event.name()) {
      case "CHANNEL_ANSWER" -> answeredMicros = at;
      case "PLAYBACK_START" -> playingSince.put(mediaOf(event), at);
      case "PLAYBACK_STOP" -> {
        String media = mediaOf(event);
        Long since = playingSince.remove(media);
        prompts.add(
            new Prompt(
                media,
                sinceAnswer(since == null ? at : since),
                sinceAnswer(at),
                // A prompt the hangup ends says "done" too (capture 17): it was not heard out.
                "done".equals(event.header("Playback-Status")) && !hungUp));
      }
      case "DTMF" -> pressed.append(event.header("DTMF-Digit"));
      case "CHANNEL_HANGUP" -> hungUp = true;
      case "CHANNEL_HANGUP_COMPLETE" -> hangupCause = event.header("Hangup-Cause");
      default -> {
        // the rest says nothing about what the caller heard
      }
    }
  }

  /**
   * The media as the flow named it: the switch reports a relative sound file with its sound prefix
   * in front.
   */
  static String mediaOf(SwitchEvent event) {
    String path = event.header("Playback-File-Path");
    String prefix = EslSimulator.SOUND_PREFIX + "/";
    return path != null && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  public synchronized boolean answered() {
    return answeredMicros != 0;
  }

  /** The prompts in the order they stopped (one prompt plays at a time). */
  public synchronized List<Prompt> prompts() {
    return List.copyOf(prompts);
  }

  /** Just the media of the prompts, in order. */
  public synchronized List<String> media() {
    return prompts.stream().map(Prompt::media).toList();
  }

  /** The keys the caller pressed, in order. */
  public synchronized String pressed() {
    return pressed.toString();
  }

  /** The switch's hangup cause, e.g. NORMAL_CLEARING, or null while the call is up. */
  public synchronized @Nullable String hangupCause() {
    return hangupCause;
  }

  private Duration sinceAnswer(long micros) {
    return Duration.ofNanos((micros - answeredMicros) * 1_000L);
  }

  private static long micros(SwitchEvent event) {
    String stamp = event.header("Event-Date-Timestamp");
    return stamp == null ? 0 : Long.parseLong(stamp.strip());
  }
}
