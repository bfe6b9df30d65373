package io.irisx.activities.esl.simulator;

import io.irisx.workflows.flow.Media;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated switch finds when the playback application opens a file: how long it plays, or
 * why it cannot (FreeSWITCH's Application-Response). A file named {@code no-such-...} is missing,
 * as in capture 15; {@code tts://} needs mod_ssml (capture 18) and the engine's module; {@code
 * http_cache://} needs mod_http_cache. Scripted lengths and failures win.
 */
final class SimulatedMedia {
  /** Where a relative sound file is looked up, as a default install's PLAYBACK_START shows. */
  static final String SOUND_PREFIX = "/usr/local/freeswitch/share/freeswitch/sounds/en/us/callie";

  static final String FILE_NOT_FOUND = "FILE NOT FOUND";

  /** What opening a file gave: a failure response, or the path the switch reports and a length. */
  record Opened(String failure, String reportedPath, Duration length) {
    boolean failed() {
      return failure != null;
    }
  }

  private final Map<String, Duration> lengths = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final SwitchModules modules;
  private final java.util.Deque<PlayedMedia> played = new java.util.ArrayDeque<>();

  SimulatedMedia(SwitchModules modules) {
    this.modules = modules;
  }

  /** Keeps the last 10,000 playbacks that ended, for tests that ask what a caller heard. */
  synchronized void ended(PlayedMedia playback) {
    if (played.size() == 10_000) {
      played.removeFirst();
    }
    played.addLast(playback);
  }

  synchronized java.util.List<PlayedMedia> played(String channelUuid) {
    return played.stream().filter(p -> p.channelUuid().equals(channelUuid)).toList();
  }

  void scriptLength(String path, Duration length) {
    lengths.put(path, length);
  }

  void scriptFailure(String path, String response) {
    failures.put(path, response);
  }

  Opened open(String path, Duration defaultLength) {
    String failure = failures.get(path);
    if (failure != null) {
      return new Opened(failure, null, Duration.ZERO);
    }
    Duration scripted = lengths.get(path);
    if (path.startsWith("tts://")) {
      String[] parts = path.substring("tts://".length()).split("\\|", 3);
      if (!modules.exists("mod_ssml") || !modules.exists("mod_" + parts[0])) {
        return new Opened(FILE_NOT_FOUND, null, Duration.ZERO);
      }
      return new Opened(
          null,
          path,
          scripted != null
              ? scripted
              : Media.speakingTime(path.substring(path.lastIndexOf('|') + 1)));
    }
    if (path.startsWith("http_cache://") && !modules.exists("mod_http_cache")) {
      return new Opened(FILE_NOT_FOUND, null, Duration.ZERO);
    }
    if (path.startsWith("tone_stream://") && !modules.exists("mod_tone_stream")) {
      return new Opened(FILE_NOT_FOUND, null, Duration.ZERO);
    }
    int scheme = path.indexOf("://");
    if (scheme < 0) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (name.startsWith("no-such-")) {
        return new Opened(FILE_NOT_FOUND, null, Duration.ZERO);
      }
      String reported = path.startsWith("/") ? path : SOUND_PREFIX + "/" + path;
      return new Opened(null, reported, scripted != null ? scripted : defaultLength);
    }
    return new Opened(null, path, scripted != null ? scripted : defaultLength);
  }
}
