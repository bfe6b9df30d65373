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
 * of the silence recorded so far plus the record_* variables and RECORD_STOP (SIA:1225-1250).
 * Not thread-safe: its {@link CallLeg} calls it holding the leg's monitor.
 */
final class LegRecordings {
  private static final CallSite RECORD_START = new CallSite("switch_ivr_async.c", "record_callback", 1482);
  private static final CallSite RECORD_STOP = new CallSite("switch_ivr_async.c", "send_record_stop_event", 1240);
  /** FreeSWITCH reports success-maxtime for a stopped uuid_record too (capture 03). */
  private static final String COMPLETION_CAUSE = "success-maxtime";

  private final SimulatedChannel channel;
  private final ChannelEvents events;
  private final BiFunction<Duration, Runnable, SimulatorClock.Timer> timers;
  private final SimulatorClock clock;
  private final Map<String, Recording> active = new LinkedHashMap<>();

  /** Where one recording writes and since when; the limit timer is null without a limit. */
  private record Recording(String path, long startedMicros, long limitMs, SimulatorClock.Timer limitTimer) {}

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
    try {
      SilenceRecording.write(Path.of(path), 0);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    SimulatorClock.Timer limit = limitSeconds > 0 ? timers.apply(Duration.ofSeconds(limitSeconds), onLimit) : null;
    active.put(path, new Recording(path, clock.nowMicros(), limitSeconds * 1000L, limit));
    events.fire(channel, "RECORD_START", RECORD_START, List.of(), List.of(new EventHeader("Record-File-Path", path)));
    return true;
  }

  /** Stops one recording, or every one for {@code all}; false when none matched. */
  boolean stop(String path) {
    List<Recording> stopping = path.equalsIgnoreCase("all")
        ? new ArrayList<>(active.values())
        : active.containsKey(path) ? List.of(active.get(path)) : List.of();
    stopping.forEach(this::finish);
    return !stopping.isEmpty();
  }

  /** The restart fault: recordings end without a file update or an event. */
  void forget() {
    active.values().stream().map(Recording::limitTimer).filter(t -> t != null).forEach(SimulatorClock.Timer::cancel);
    active.clear();
  }

  private void finish(Recording recording) {
    active.remove(recording.path());
    if (recording.limitTimer() != null) {
      recording.limitTimer().cancel();
    }
    long ms = Math.max(0, (clock.nowMicros() - recording.startedMicros()) / 1000);
    if (recording.limitMs() > 0) {
      ms = Math.min(ms, recording.limitMs());
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
    channel.set("record_completion_cause", COMPLETION_CAUSE);
    events.fire(channel, "RECORD_STOP", RECORD_STOP, List.of(), List.of(
        new EventHeader("Record-File-Path", recording.path()),
        new EventHeader("Record-Completion-Cause", COMPLETION_CAUSE)));
  }
}
