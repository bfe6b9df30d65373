package io.irisx.activities.esl.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The uuid_record media bugs of one leg: RECORD_START when one starts, and at stop a real WAV file
 * of the silence recorded so far plus the record_* variables and RECORD_STOP (SIA:1225-1250). Not
 * thread-safe: its {@link CallLeg} calls it holding the leg's monitor.
 */
final class LegRecordings {
  private static final CallSite RECORD_START =
      new CallSite("switch_ivr_async.c", "record_callback", 1481);
  private static final CallSite RECORD_STOP =
      new CallSite("switch_ivr_async.c", "send_record_stop_event", 1240);

  /** FreeSWITCH reports success-maxtime for a stopped uuid_record too (capture 03). */
  private static final String COMPLETION_CAUSE = "success-maxtime";

  private final SimulatedChannel channel;
  private final ChannelEvents events;
  private final BiFunction<Duration, Runnable, SimulatorClock.Timer> timers;
  private final SimulatorClock clock;
  private final Map<String, Recording> active = new LinkedHashMap<>();

  /** Where one recording writes and since when; the limit timer is null without a limit. */
  private record Recording(
      String path,
      long startedMicros,
      long limitMs,
      SimulatorClock.Timer limitTimer,
      SimulatorClock.Timer silenceTimer) {}

  /** What RECORD_STOP reported for recordings the hangup ended (captures 21, 21b). */
  static final String HANGUP_CAUSE = "success-silence";

  /** What RECORD_STOP reports when the simulated caller stayed silent past the initial timeout. */
  static final String NO_INPUT = "no-input-timeout";

  LegRecordings(
      SimulatedChannel channel,
      ChannelEvents events,
      BiFunction<Duration, Runnable, SimulatorClock.Timer> timers,
      SimulatorClock clock) {
    this.channel = channel;
    this.events = events;
    this.timers = timers;
    this.clock = clock;
  }

  /** Creates the file at once, as FreeSWITCH opens it; false when it cannot be written. */
  boolean start(String path, int limitSeconds, Runnable onLimit) {
    return start(path, limitSeconds, 0, onLimit, () -> {});
  }

  /**
   * As FreeSWITCH with {@code RECORD_INITIAL_TIMEOUT_MS}: the simulated caller never speaks (the
   * file is silence), so a recording with an initial timeout ends after it, {@code
   * no-input-timeout}.
   */
  boolean start(
      String path, int limitSeconds, int initialTimeoutMs, Runnable onLimit, Runnable onSilence) {
    try {
      SilenceRecording.write(Path.of(path), 0);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    SimulatorClock.Timer limit =
        limitSeconds > 0 ? timers.apply(Duration.ofSeconds(limitSeconds), onLimit) : null;
    SimulatorClock.Timer silence =
        initialTimeoutMs > 0 ? timers.apply(Duration.ofMillis(initialTimeoutMs), onSilence) : null;
    active.put(path, new Recording(path, clock.nowMicros(), limitSeconds * 1000L, limit, silence));
    events.fire(
        channel,
        "RECORD_START",
        RECORD_START,
        List.of(),
        List.of(new EventHeader("Record-File-Path", path)));
    return true;
  }

  /** Stops one recording, or every one for {@code all}; false when none matched. */
  boolean stop(String path) {
    List<Recording> stopping =
        path.equalsIgnoreCase("all")
            ? new ArrayList<>(active.values())
            : active.containsKey(path) ? List.of(active.get(path)) : List.of();
    stopping.forEach(recording -> finish(recording, COMPLETION_CAUSE));
    return !stopping.isEmpty();
  }

  /**
   * The channel hangs up: every recording stops. The far end echoed silence in captures 21 and 21b,
   * and the switch said {@code success-silence}.
   */
  void hangup() {
    new ArrayList<>(active.values()).forEach(recording -> finish(recording, HANGUP_CAUSE));
  }

  /**
   * A recording reached its limit: it holds exactly that much (its timer may fire a little early).
   */
  void limitReached(String path) {
    Recording recording = active.get(path);
    if (recording != null) {
      finish(recording, COMPLETION_CAUSE, recording.limitMs());
    }
  }

  /** The initial silence timeout of one recording passed. */
  void silenceReached(String path) {
    Recording recording = active.get(path);
    if (recording != null) {
      finish(recording, NO_INPUT);
    }
  }

  /** The restart fault: recordings end without a file update or an event. */
  void forget() {
    active.values().stream()
        .map(Recording::limitTimer)
        .filter(t -> t != null)
        .forEach(SimulatorClock.Timer::cancel);
    active.values().stream()
        .map(Recording::silenceTimer)
        .filter(t -> t != null)
        .forEach(SimulatorClock.Timer::cancel);
    active.clear();
  }

  private void finish(Recording recording, String completionCause) {
    finish(recording, completionCause, -1);
  }

  private void finish(Recording recording, String completionCause, long exactMs) {
    active.remove(recording.path());
    if (recording.limitTimer() != null) {
      recording.limitTimer().cancel();
    }
    if (recording.silenceTimer() != null) {
      recording.silenceTimer().cancel();
    }
    long ms = Math.max(0, (clock.nowMicros() - recording.startedMicros()) / 1000);
    if (recording.limitMs() > 0) {
      ms = Math.min(ms, recording.limitMs());
    }
    if (exactMs >= 0) {
      ms = exactMs;
    }
    long samples = ms * SilenceRecording.SAMPLES_PER_MS;
    long size;
    try {
      size = SilenceRecording.write(Path.of(recording.path()), samples);
    } catch (IOException | RuntimeException e) {
      size = 0;
    }
    channel.set("record_file_size", size == 0 ? null : Long.toString(size));
    channel.set("record_samples", Long.toString(samples));
    channel.set("record_seconds", Long.toString(samples / SilenceRecording.SAMPLE_RATE));
    channel.set("record_ms", Long.toString(samples / SilenceRecording.SAMPLES_PER_MS));
    channel.set("record_completion_cause", completionCause);
    events.fire(
        channel,
        "RECORD_STOP",
        RECORD_STOP,
        List.of(),
        List.of(
            new EventHeader("Record-File-Path", recording.path()),
            new EventHeader("Record-Completion-Cause", completionCause)));
  }
}
