package io.irisx.worker.bench;

import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslNodeSettings;
import io.irisx.activities.esl.SwitchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer to first audio, as the caller hears it: a second event-socket client on the bench stack's
 * switch notes each channel's CHANNEL_ANSWER and its first PLAYBACK_START, with the switch's own
 * timestamps (Event-Date-Timestamp), so the figure does not depend on when the events reach the
 * bench. The time between them is dead air the callee hears after picking up.
 */
final class FirstAudioWatch implements AutoCloseable {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
  private final Map<String, Long> firstAudioAt = new ConcurrentHashMap<>();
  private final EslConnection link;

  private FirstAudioWatch(BenchStackInfo stack) {
    this.link =
        EslConnection.connect(
            new EslNodeSettings(
                "bench-first-audio",
                stack.eslHost(),
                stack.eslPort(),
                stack.eslPassword(),
                "{to}",
                COMMAND_TIMEOUT),
            this::onEvent);
  }

  /** Watches the stack's switch; null when the stack does not say where it is. */
  static FirstAudioWatch start(BenchStackInfo stack) {
    if (stack.eslHost() == null || stack.eslPort() <= 0 || stack.eslPassword() == null) {
      return null;
    }
    return new FirstAudioWatch(stack);
  }

  private void onEvent(SwitchEvent event) {
    String uuid = event.header("Unique-ID");
    String timestamp = event.header("Event-Date-Timestamp");
    if (uuid == null || timestamp == null) {
      return;
    }
    long micros;
    try {
      micros = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return;
    }
    switch (event.name()) {
      case "CHANNEL_ANSWER" -> answeredAt.putIfAbsent(uuid, micros);
      case "PLAYBACK_START" -> firstAudioAt.putIfAbsent(uuid, micros);
      default -> {}
    }
  }

  /**
   * Answer to first audio of these channels, in microseconds; those never answered or never played
   * left out.
   */
  List<Long> answerToFirstAudio(Iterable<String> channelUuids) {
    List<Long> samples = new ArrayList<>();
    for (String uuid : channelUuids) {
      Long answered = answeredAt.get(uuid);
      Long played = firstAudioAt.get(uuid);
      if (answered != null && played != null) {
        samples.add(Math.max(0, played - answered));
      }
    }
    return samples;
  }

  @Override
  public void close() {
    link.close();
  }
}
