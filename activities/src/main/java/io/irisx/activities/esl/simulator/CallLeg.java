package io.irisx.activities.esl.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The life of one originated leg: dialling, the scripted far end, the application run after
 * answer, playbacks, and the hangup with its CDR variables. Every transition holds this object's
 * monitor, so timers, api commands and sendmsg never interleave events of the same channel.
 */
final class CallLeg {
  private static final List<EventHeader> NONE = List.of();

  private final SimulatedChannel channel;
  private final ChannelEvents events;
  private final ScheduledExecutorService timers;
  private final Duration playbackLength;
  private final Consumer<String> originateResult;
  private final Runnable onDestroyed;
  private final List<ScheduledFuture<?>> pendingTimers = new ArrayList<>();
  private final Deque<Playback> queuedPlaybacks = new ArrayDeque<>();

  private boolean resultDelivered;
  private boolean ended;
  private String hostApplication;
  private String hostApplicationUuid;
  private Playback playing;
  private long playbackStarted;
  private ScheduledFuture<?> playbackTimer;

  /** A file being played by the playback application, and whether the call ends when it does. */
  private record Playback(String path, String applicationUuid, boolean hangupAfter) {}

  CallLeg(
      SimulatedChannel channel,
      ChannelEvents events,
      ScheduledExecutorService timers,
      Duration playbackLength,
      Consumer<String> originateResult,
      Runnable onDestroyed) {
    this.channel = channel;
    this.events = events;
    this.timers = timers;
    this.playbackLength = playbackLength;
    this.originateResult = originateResult;
    this.onDestroyed = onDestroyed;
  }

  String uuid() {
    return channel.uuid;
  }

  synchronized SimulatedChannelView view() {
    return channel.view();
  }

  synchronized java.util.Map<String, String> listingRow(String hostname) {
    return channel.listingRow(hostname);
  }

  synchronized String variable(String name) {
    return channel.variable(name);
  }

  synchronized void setVariable(String name, String value) {
    channel.set(name, value);
  }

  /** Creates the leg and schedules what the far end will do. */
  synchronized void dial(FarEndBehaviour farEnd, Duration ringDelay, Duration answerDelay) {
    events.fire(channel, "CHANNEL_OUTGOING", ChannelEvents.OUTGOING);
    channel.state("CS_INIT", 1);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    channel.state("CS_INIT", 2);
    events.fire(channel, "CHANNEL_CREATE", ChannelEvents.CREATE);
    events.fire(channel, "CHANNEL_ORIGINATE", ChannelEvents.ORIGINATE);
    channel.state("CS_ROUTING", 2);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    channel.state("CS_CONSUME_MEDIA", 7);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);

    if (farEnd.refusesImmediately()) {
      later(answerDelay, () -> refuse(farEnd));
      return;
    }
    later(ringDelay, this::ring);
    if (farEnd == FarEndBehaviour.ANSWER) {
      later(answerDelay.compareTo(ringDelay) > 0 ? answerDelay : ringDelay, this::answer);
    } else {
      later(Duration.ofSeconds(channel.request.timeoutSeconds()), this::giveUpRinging);
    }
  }

  synchronized void ring() {
    if (ended || channel.progressMicros != 0) {
      return;
    }
    channel.progressMicros = EventClock.nowMicros();
    channel.networkAddr = "127.0.0.1";
    events.fire(channel, "CHANNEL_PROGRESS", ChannelEvents.PROGRESS);
    changeCallState("RINGING", 2);
  }

  /** The far end (or uuid_answer) answers: originate succeeds and the application starts. */
  synchronized boolean answer() {
    if (ended) {
      return false;
    }
    if (channel.answered()) {
      return true;
    }
    cancelTimers();
    channel.answeredMicros = EventClock.nowMicros();
    channel.answerState = "answered";
    channel.mediaUp = true;
    channel.networkAddr = "127.0.0.1";
    setAnswerVariables();
    events.fire(channel, "CHANNEL_ANSWER", ChannelEvents.ANSWER);
    changeCallState("ACTIVE", 4);
    deliverResult("+OK " + channel.uuid + "\n");
    startApplication();
    return true;
  }

  synchronized boolean hangup(HangupCause cause) {
    if (ended) {
      return false;
    }
    end(cause, true);
    return true;
  }

  /** Queues a playback the way uuid_broadcast and sendmsg do: it runs after the current one. */
  synchronized boolean playback(String path, String applicationUuid) {
    if (ended) {
      return false;
    }
    queuedPlaybacks.add(new Playback(path, applicationUuid == null ? newUuid() : applicationUuid, false));
    if (playing == null) {
      timers.execute(this::playNext);
    }
    return true;
  }

  /** A sendmsg execute of an application other than playback: it runs and completes at once. */
  synchronized boolean executeInstantly(String app, String arg, String applicationUuid) {
    if (ended) {
      return false;
    }
    String uuid = applicationUuid == null ? newUuid() : applicationUuid;
    channel.set("current_application_data", arg);
    channel.set("current_application", app);
    events.fire(channel, "CHANNEL_EXECUTE", ChannelEvents.EXECUTE, NONE, applicationHeaders(app, arg, uuid, null));
    events.fire(
        channel, "CHANNEL_EXECUTE_COMPLETE", ChannelEvents.EXECUTE_COMPLETE, NONE,
        applicationHeaders(app, arg, uuid, "_none_"));
    return true;
  }

  private synchronized void playNext() {
    if (ended || playing != null || queuedPlaybacks.isEmpty()) {
      return;
    }
    playing = queuedPlaybacks.poll();
    playbackStarted = EventClock.nowMicros();
    channel.application = "playback";
    channel.applicationData = playing.path();
    channel.set("current_application_data", playing.path());
    channel.set("current_application", "playback");
    events.fire(
        channel, "CHANNEL_EXECUTE", ChannelEvents.EXECUTE, NONE,
        applicationHeaders("playback", playing.path(), playing.applicationUuid(), null));
    events.fire(channel, "PLAYBACK_START", ChannelEvents.PLAYBACK_START, NONE, playbackHeaders(playing.path(), null));
    playbackTimer = timers.schedule(this::finishPlayback, playbackLength.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void finishPlayback() {
    if (ended || playing == null) {
      return;
    }
    Playback done = stopPlayback("done");
    if (done.hangupAfter()) {
      // An originate whose only application was playback has nothing left to run: FreeSWITCH hangs up.
      end(HangupCause.NORMAL_CLEARING, true);
    } else if (!queuedPlaybacks.isEmpty()) {
      timers.execute(this::playNext);
    }
  }

  private Playback stopPlayback(String status) {
    Playback done = playing;
    long playedMs = Math.min(
        playbackLength.toMillis(), Math.max(0, (EventClock.nowMicros() - playbackStarted) / 1000));
    if ("done".equals(status)) {
      playedMs = playbackLength.toMillis();
    }
    channel.set("playback_last_offset_pos", Long.toString(playedMs * 8));
    channel.set("playback_seconds", Long.toString(playedMs / 1000));
    channel.set("playback_ms", Long.toString(playedMs));
    channel.set("playback_samples", Long.toString(playedMs * 8));
    events.fire(channel, "PLAYBACK_STOP", ChannelEvents.PLAYBACK_STOP, NONE, playbackHeaders(done.path(), status));
    String response = "done".equals(status) ? "FILE PLAYED" : "PLAYBACK ERROR";
    channel.set("current_application_response", response);
    events.fire(
        channel, "CHANNEL_EXECUTE_COMPLETE", ChannelEvents.EXECUTE_COMPLETE, NONE,
        applicationHeaders("playback", done.path(), done.applicationUuid(), response));
    playing = null;
    channel.application = hostApplication;
    channel.applicationData = null;
    return done;
  }

  private synchronized void refuse(FarEndBehaviour farEnd) {
    if (ended) {
      return;
    }
    channel.networkAddr = "127.0.0.1";
    channel.set("sip_call_id", newUuid());
    channel.set("sip_local_network_addr", "127.0.0.1");
    channel.set("sip_reply_host", "127.0.0.1");
    channel.set("sip_reply_port", "5090");
    channel.set("sip_network_ip", "127.0.0.1");
    channel.set("sip_network_port", "5090");
    channel.set("sip_hangup_disposition", "recv_refuse");
    channel.set("sip_invite_failure_status", Integer.toString(farEnd.sipStatus()));
    channel.set("sip_invite_failure_phrase", farEnd.sipPhrase());
    channel.set("sip_term_status", Integer.toString(farEnd.sipStatus()));
    channel.set("proto_specific_hangup_cause", "sip:" + farEnd.sipStatus());
    channel.set("sip_term_cause", Integer.toString(farEnd.refusal().q850()));
    // A rejected call's originate returns only after the leg is fully torn down.
    end(farEnd.refusal(), false);
  }

  private synchronized void giveUpRinging() {
    if (ended || channel.answered()) {
      return;
    }
    channel.set("sip_invite_failure_status", "487");
    end(HangupCause.NO_ANSWER, true);
  }

  private void startApplication() {
    OriginateRequest request = channel.request;
    String app = request.application() == null ? "park" : request.application();
    channel.state("CS_EXECUTE", 4);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    channel.hitDialplan = true;
    channel.flipCallerId();
    if (app.equals("playback")) {
      hostApplication = null;
      queuedPlaybacks.addFirst(new Playback(request.applicationData() == null ? "" : request.applicationData(),
          newUuid(), true));
      playNext();
      return;
    }
    hostApplication = app;
    hostApplicationUuid = newUuid();
    String data = request.application() == null ? null : request.applicationData();
    channel.application = app;
    channel.applicationData = data;
    channel.set("current_application_data", data);
    channel.set("current_application", app);
    events.fire(channel, "CHANNEL_EXECUTE", ChannelEvents.EXECUTE, NONE,
        applicationHeaders(app, data, hostApplicationUuid, null));
    if (app.equals("park")) {
      events.fire(channel, "CHANNEL_PARK", ChannelEvents.PARK);
    }
  }

  /**
   * Tears the leg down in FreeSWITCH's order: HANGUP, the running applications complete, the
   * call state and state machine move on, CDR variables are computed, HANGUP_COMPLETE, DESTROY.
   */
  private void end(HangupCause cause, boolean resultRightAfterHangup) {
    ended = true;
    cancelTimers();
    if (playbackTimer != null) {
      playbackTimer.cancel(false);
    }
    channel.hangupCause = cause;
    channel.hangupMicros = EventClock.nowMicros();
    channel.answerState = "hangup";
    channel.stateNumber = 10;
    if (channel.answered() && channel.variable("sip_hangup_disposition") == null) {
      channel.set("sip_hangup_disposition", "send_bye");
    }
    events.fire(channel, "CHANNEL_HANGUP", ChannelEvents.HANGUP);
    if (resultRightAfterHangup) {
      deliverResult("-ERR " + cause.name() + "\n");
    }
    if (playing != null) {
      stopPlayback("break");
    }
    if (hostApplication != null) {
      if (hostApplication.equals("park")) {
        events.fire(channel, "CHANNEL_UNPARK", ChannelEvents.UNPARK);
      }
      String response = channel.variable("current_application_response");
      events.fire(
          channel, "CHANNEL_EXECUTE_COMPLETE", ChannelEvents.EXECUTE_COMPLETE, NONE,
          applicationHeaders(hostApplication, null, hostApplicationUuid, response == null ? "_none_" : response));
    }
    channel.application = null;
    channel.applicationData = null;
    channel.state("CS_HANGUP", 10);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    changeCallState("HANGUP", 7);
    channel.state("CS_REPORTING", 11);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    new CallDetailVariables(channel).apply();
    events.fire(
        channel, "CHANNEL_HANGUP_COMPLETE", ChannelEvents.HANGUP_COMPLETE,
        List.of(new EventHeader("Hangup-Cause", cause.name())), NONE);
    channel.state("CS_DESTROY", 12);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    events.fire(channel, "CHANNEL_DESTROY", ChannelEvents.DESTROY);
    onDestroyed.run();
    deliverResult("-ERR " + cause.name() + "\n");
  }

  private void changeCallState(String newState, int number) {
    String previous = channel.callState;
    channel.callState = newState;
    events.fire(
        channel, "CHANNEL_CALLSTATE", ChannelEvents.CALLSTATE,
        List.of(
            new EventHeader("Original-Channel-Call-State", previous),
            new EventHeader("Channel-Call-State-Number", Integer.toString(number))),
        NONE);
  }

  private void setAnswerVariables() {
    channel.set("remote_audio_media_flow", "sendrecv");
    channel.set("audio_media_flow", "sendrecv");
    channel.set("rtp_use_codec_name", "PCMU");
    channel.set("rtp_use_codec_rate", "8000");
    channel.set("rtp_use_codec_ptime", "20");
    channel.set("read_codec", "PCMU");
    channel.set("read_rate", "8000");
    channel.set("write_codec", "PCMU");
    channel.set("write_rate", "8000");
    channel.set("dtmf_type", "rfc2833");
    channel.set("remote_media_ip", "127.0.0.1");
    channel.set("remote_media_port", "6000");
    channel.set("sip_call_id", channel.variable("sip_call_id") == null ? newUuid() : channel.variable("sip_call_id"));
    channel.set("endpoint_disposition", "ANSWER");
  }

  private void deliverResult(String body) {
    if (!resultDelivered) {
      resultDelivered = true;
      originateResult.accept(body);
    }
  }

  private void later(Duration delay, Runnable step) {
    pendingTimers.add(timers.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void cancelTimers() {
    pendingTimers.forEach(t -> t.cancel(false));
    pendingTimers.clear();
  }

  private static List<EventHeader> applicationHeaders(String app, String data, String uuid, String response) {
    List<EventHeader> headers = new ArrayList<>(4);
    headers.add(new EventHeader("Application", app));
    if (data != null && !data.isEmpty()) {
      headers.add(new EventHeader("Application-Data", data));
    }
    if (response != null) {
      headers.add(new EventHeader("Application-Response", response));
    }
    headers.add(new EventHeader("Application-UUID", uuid));
    return headers;
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

  private static String newUuid() {
    return UUID.randomUUID().toString();
  }
}
