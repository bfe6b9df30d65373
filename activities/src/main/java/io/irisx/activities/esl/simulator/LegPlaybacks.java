package io.irisx.activities.esl.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The playback application on one leg, as captures 15 to 18b show it: a broadcast is queued and
 * picked up by the park loop about 200 ms later; a file that cannot be opened completes at once
 * with its failure and no PLAYBACK events; a played file sends PLAYBACK_START and PLAYBACK_STOP
 * with its resolved path; uuid_break's PLAYBACK_STOP comes about 20 ms after the command; the
 * channel keeps {@code playback} as its application after the file ends (no CHANNEL_PARK). Not
 * thread-safe: its {@link CallLeg} calls it holding the leg's monitor, and {@code timers} runs
 * tasks under that monitor while the leg is up.
 */
final class LegPlaybacks {
  /** From uuid_broadcast's reply (or the previous file's end) to the next CHANNEL_EXECUTE. */
  static final Duration PICKUP = Duration.ofMillis(200);

  /** From uuid_break's reply to the cut file's PLAYBACK_STOP (capture 17: 21 ms). */
  static final Duration BREAK_LAG = Duration.ofMillis(20);

  private static final List<EventHeader> NONE = List.of();

  /** A file the playback application will play, and whether the call ends after it. */
  private record Playback(String path, String applicationUuid, boolean hangupAfter) {}

  private final SimulatedChannel channel;
  private final ChannelEvents events;
  private final SimulatorClock clock;
  private final SimulatedMedia media;
  private final Duration defaultLength;
  private final BiFunction<Duration, Runnable, SimulatorClock.Timer> timers;
  private final Runnable hangUp;
  private final Deque<Playback> queued = new ArrayDeque<>();

  private Playback playing;
  private String playingPath;
  private Duration playingLength = Duration.ZERO;
  private long startedMicros;
  private SimulatorClock.Timer finishTimer;
  private SimulatorClock.Timer pickupTimer;
  private boolean breaking;

  LegPlaybacks(
      SimulatedChannel channel,
      ChannelEvents events,
      SimulatorClock clock,
      SimulatedMedia media,
      Duration defaultLength,
      BiFunction<Duration, Runnable, SimulatorClock.Timer> timers,
      Runnable hangUp) {
    this.channel = channel;
    this.events = events;
    this.clock = clock;
    this.media = media;
    this.defaultLength = defaultLength;
    this.timers = timers;
    this.hangUp = hangUp;
  }

  /** uuid_broadcast: queued behind what plays, picked up by the park loop. */
  void broadcast(String path) {
    queued.add(new Playback(path, UUID.randomUUID().toString(), false));
    pickUpAfter(PICKUP);
  }

  /** sendmsg execute playback: the application runs as soon as nothing else does. */
  void execute(String path, String applicationUuid) {
    queued.add(
        new Playback(
            path, applicationUuid == null ? UUID.randomUUID().toString() : applicationUuid, false));
    pickUpAfter(Duration.ZERO);
  }

  /** An originate whose application is playback: it plays first, and the call ends after it. */
  void playAsApplication(String path) {
    queued.addFirst(new Playback(path, UUID.randomUUID().toString(), true));
    playNext();
  }

  boolean isPlaying() {
    return playing != null;
  }

  /**
   * uuid_break: the file playing now stops ({@code break}) a little after the reply; with {@code
   * all}, the files queued before the break are dropped as well.
   */
  void breakMedia(boolean all) {
    if (all) {
      queued.clear();
    }
    if (playing == null || breaking) {
      return;
    }
    breaking = true;
    cancel(finishTimer);
    // Nothing cancels the break once asked for: its callback checks that something still plays.
    SimulatorClock.Timer unusedBreak =
        timers.apply(
            BREAK_LAG,
            () -> {
              if (playing != null) {
                stop("break");
                pickUpAfter(PICKUP);
              }
            });
  }

  /** A transfer or bridge takes the leg elsewhere: what plays stops now, the queue is dropped. */
  void leave() {
    queued.clear();
    cancel(pickupTimer);
    if (playing != null) {
      cancel(finishTimer);
      stop("break");
    }
  }

  /**
   * The hangup: a file still playing reports {@code done} (capture 17), queued ones never start.
   */
  void hangup() {
    queued.clear();
    cancel(pickupTimer);
    cancel(finishTimer);
    if (playing != null) {
      stop("done");
    }
  }

  /** The restart fault: nothing more happens, not even an event. */
  void vanish() {
    queued.clear();
    cancel(pickupTimer);
    cancel(finishTimer);
    playing = null;
  }

  private void pickUpAfter(Duration delay) {
    if (playing != null || pickupTimer != null) {
      return;
    }
    pickupTimer =
        timers.apply(
            delay,
            () -> {
              pickupTimer = null;
              playNext();
            });
  }

  private void playNext() {
    if (playing != null || queued.isEmpty()) {
      return;
    }
    Playback next = queued.poll();
    channel.application = "playback";
    channel.applicationData = next.path();
    channel.set("current_application_data", next.path());
    channel.set("current_application", "playback");
    events.fire(
        channel,
        "CHANNEL_EXECUTE",
        ChannelEvents.EXECUTE,
        NONE,
        ChannelEvents.application("playback", next.path(), next.applicationUuid(), null));
    SimulatedMedia.Opened opened = media.open(next.path(), defaultLength);
    if (opened.failed()) {
      complete(next, opened.failure());
      return;
    }
    playing = next;
    playingPath = opened.reportedPath();
    playingLength = opened.length();
    startedMicros = clock.nowMicros();
    breaking = false;
    events.fire(
        channel,
        "PLAYBACK_START",
        ChannelEvents.PLAYBACK_START,
        NONE,
        playbackHeaders(playingPath, null));
    finishTimer =
        timers.apply(
            playingLength,
            () -> {
              if (playing != null && !breaking) {
                stop("done");
                pickUpAfter(PICKUP);
              }
            });
  }

  private void stop(String status) {
    Playback done = playing;
    long playedMs = Math.max(0, (clock.nowMicros() - startedMicros) / 1000);
    playedMs =
        "done".equals(status)
            ? playingLength.toMillis()
            : Math.min(playedMs, playingLength.toMillis());
    channel.set("playback_last_offset_pos", Long.toString(playedMs * 8));
    channel.set("playback_seconds", Long.toString(playedMs / 1000));
    channel.set("playback_ms", Long.toString(playedMs));
    channel.set("playback_samples", Long.toString(playedMs * 8));
    events.fire(
        channel,
        "PLAYBACK_STOP",
        ChannelEvents.PLAYBACK_STOP,
        NONE,
        playbackHeaders(playingPath, status));
    media.ended(new PlayedMedia(channel.uuid, done.path(), status));
    playing = null;
    breaking = false;
    // A cut file still "played": the switch says FILE PLAYED after a break too (capture 17).
    complete(done, "FILE PLAYED");
  }

  /** The playback application ends; the channel keeps "playback" as its application. */
  private void complete(Playback done, String response) {
    channel.set("current_application_response", response);
    events.fire(
        channel,
        "CHANNEL_EXECUTE_COMPLETE",
        ChannelEvents.EXECUTE_COMPLETE,
        NONE,
        ChannelEvents.application("playback", done.path(), done.applicationUuid(), response));
    if (done.hangupAfter()) {
      // An originate whose only application was playback has nothing left to run: it hangs up.
      hangUp.run();
    } else if (playing == null && !queued.isEmpty()) {
      pickUpAfter(PICKUP);
    }
  }

  private static List<EventHeader> playbackHeaders(String path, String status) {
    List<EventHeader> headers = new ArrayList<>(3);
    int scheme = path.indexOf("://");
    String type = scheme > 0 ? path.substring(0, scheme) : null;
    if ("tone_stream".equals(type) || "local_stream".equals(type)) {
      headers.add(new EventHeader("Playback-File-Type", type));
    }
    headers.add(new EventHeader("Playback-File-Path", path));
    if (status != null) {
      headers.add(new EventHeader("Playback-Status", status));
    }
    return headers;
  }

  private static void cancel(SimulatorClock.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
