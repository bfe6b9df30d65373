package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The life of one leg, originated or inbound: dialling, the scripted far end, the application run
 * after answer, playbacks, recordings, DTMF, transfers, bridges and the hangup with its CDR
 * variables. Every transition holds this object's monitor, so timers, api commands and sendmsg
 * never interleave events of the same channel.
 */
final class CallLeg {
  private static final List<EventHeader> NONE = List.of();
  private static final CallSite DTMF =
      new CallSite("switch_channel.c", "switch_channel_dequeue_dtmf", 677);
  private static final CallSite BRIDGE =
      new CallSite("switch_ivr_bridge.c", "audio_bridge_on_exchange_media", 1377);
  private static final CallSite UNBRIDGE =
      new CallSite("switch_ivr_bridge.c", "audio_bridge_on_exchange_media", 1481);

  /** The RFC 2833 duration (in samples) of the far end's digits in capture 08. */
  private static final String DTMF_DURATION = "2240";

  private final SimulatedChannel channel;
  private final ChannelEvents events;
  private final SimulatorClock clock;
  private final Consumer<String> originateResult;
  private final Runnable onDestroyed;
  private final List<SimulatorClock.Timer> pendingTimers = new ArrayList<>();
  private final LegRecordings recordings;
  private final LegPlaybacks playbacks;
  private Function<String, CallLeg> directory = uuid -> null;

  private boolean resultDelivered;
  private boolean ended;
  private String hostApplication;
  private String hostApplicationUuid;
  private boolean applicationStarted;
  private String bridgedWith;
  private boolean bridgeOriginator;

  CallLeg(
      SimulatedChannel channel,
      ChannelEvents events,
      SimulatorClock clock,
      SimulatedMedia media,
      Duration playbackLength,
      Consumer<String> originateResult,
      Runnable onDestroyed) {
    this.channel = channel;
    this.events = events;
    this.clock = clock;
    this.originateResult = originateResult;
    this.onDestroyed = onDestroyed;
    this.recordings = new LegRecordings(channel, events, this::schedule, clock);
    this.playbacks =
        new LegPlaybacks(
            channel,
            events,
            clock,
            media,
            playbackLength,
            this::scheduleWhileUp,
            () -> {
              if (!ended) {
                end(HangupCause.NORMAL_CLEARING, true);
              }
            });
  }

  String uuid() {
    return channel.uuid;
  }

  /** How this leg finds the other leg of a bridge. */
  void useDirectory(Function<String, CallLeg> legs) {
    this.directory = legs;
  }

  synchronized SimulatedChannelView view() {
    return channel.view();
  }

  synchronized java.util.Map<String, String> listingRow(String hostname) {
    return channel.listingRow(hostname);
  }

  synchronized String dump() {
    return events.dump(channel);
  }

  synchronized String variable(String name) {
    return channel.variable(name);
  }

  synchronized void setVariable(String name, String value) {
    channel.set(name, value);
  }

  /** Creates the leg and schedules what the far end will do. */
  synchronized void dial(FarEndScript script, Duration ringDelay, Duration defaultAnswerDelay) {
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

    Duration answerAt = script.answerAfter() == null ? defaultAnswerDelay : script.answerAfter();
    HangupCause refusal = script.refusal();
    if (refusal != null && refusal != HangupCause.NO_ANSWER) {
      later(answerAt, () -> refuse(refusal));
      return;
    }
    later(ringDelay, this::ring);
    later(ringTimeout(channel.request.timeoutSeconds()), this::giveUpRinging);
    if (refusal == HangupCause.NO_ANSWER) {
      return;
    }
    Duration answerTime = answerAt.compareTo(ringDelay) > 0 ? answerAt : ringDelay;
    if (script.earlyMedia()) {
      later(ringDelay.plus(answerTime.minus(ringDelay).dividedBy(2)), this::preAnswer);
    }
    later(answerTime, () -> farEndAnswers(script));
  }

  /**
   * A call from the network that the dialplan (public context) parks: CREATE, ROUTING with the call
   * state RINGING, then set, export and park, as capture 09-inbound-call shows.
   */
  synchronized void arrive() {
    channel.state("CS_INIT", 1);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    channel.state("CS_INIT", 2);
    events.fire(channel, "CHANNEL_CREATE", ChannelEvents.CREATE);
    changeCallState("RINGING", 2);
    channel.state("CS_ROUTING", 2);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    channel.set("call_uuid", channel.uuid);
    channel.state("CS_EXECUTE", 4);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    // The public dialplan docs/freeswitch.md asks for (capture 20).
    runDialplanApplication("set", "irisx_inbound=true", () -> channel.set("irisx_inbound", "true"));
    runDialplanApplication(
        "set",
        "park_timeout=60:NORMAL_TEMPORARY_FAILURE",
        () -> channel.set("park_timeout", "60:NORMAL_TEMPORARY_FAILURE"));
    park();
  }

  private void runDialplanApplication(String app, String arg, Runnable effect) {
    String uuid = newUuid();
    channel.set("current_application_data", arg);
    channel.set("current_application", app);
    events.fire(
        channel,
        "CHANNEL_EXECUTE",
        ChannelEvents.EXECUTE,
        NONE,
        applicationHeaders(app, arg, uuid, null));
    effect.run();
    events.fire(
        channel,
        "CHANNEL_EXECUTE_COMPLETE",
        ChannelEvents.EXECUTE_COMPLETE,
        NONE,
        applicationHeaders(app, arg, uuid, "_none_"));
  }

  private void park() {
    applicationStarted = true;
    hostApplication = "park";
    hostApplicationUuid = newUuid();
    channel.application = "park";
    channel.applicationData = null;
    channel.set("current_application_data", null);
    channel.set("current_application", "park");
    // park reads park_timeout and clears it (capture 25: _undef_ once parked).
    channel.set("park_timeout", null);
    events.fire(
        channel,
        "CHANNEL_EXECUTE",
        ChannelEvents.EXECUTE,
        NONE,
        applicationHeaders("park", null, hostApplicationUuid, null));
    events.fire(channel, "CHANNEL_PARK", ChannelEvents.PARK);
  }

  private synchronized void farEndAnswers(FarEndScript script) {
    if (!answer()) {
      return;
    }
    for (FarEndScript.TimedDigits press : script.digits()) {
      later(press.after(), () -> farEndPresses(press.digits()));
    }
    if (script.hangUpAfter() != null) {
      later(script.hangUpAfter(), () -> farEndHangsUp(HangupCause.NORMAL_CLEARING));
    }
  }

  private synchronized void farEndPresses(String digits) {
    if (!ended && channel.mediaUp) {
      pressDigits(digits);
    }
  }

  /**
   * 183 with SDP: early media; unless ignore_early_media=true, originate succeeds now (SIO:2227).
   */
  synchronized void preAnswer() {
    if (ended || channel.answered() || channel.progressMediaMicros != 0) {
      return;
    }
    if (channel.progressMicros == 0) {
      ring();
    }
    channel.progressMediaMicros = clock.nowMicros();
    channel.answerState = "early";
    channel.mediaUp = true;
    channel.networkAddr = "127.0.0.1";
    setMediaVariables();
    channel.set("endpoint_disposition", "EARLY MEDIA");
    events.fire(channel, "CHANNEL_PROGRESS_MEDIA", ChannelEvents.PROGRESS_MEDIA);
    changeCallState("EARLY", 3);
    if (channel.request != null
        && !"true".equalsIgnoreCase(channel.request.variable("ignore_early_media"))) {
      deliverResult("+OK " + channel.uuid + "\n");
      startApplication();
    }
  }

  synchronized void ring() {
    if (ended || channel.progressMicros != 0) {
      return;
    }
    channel.progressMicros = clock.nowMicros();
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
    channel.answeredMicros = clock.nowMicros();
    channel.answerState = "answered";
    channel.mediaUp = true;
    channel.networkAddr = "127.0.0.1";
    setMediaVariables();
    boolean afterEarlyMedia = channel.variable("endpoint_disposition") != null;
    if (!afterEarlyMedia) {
      channel.set("endpoint_disposition", "ANSWER");
    }
    events.fire(channel, "CHANNEL_ANSWER", ChannelEvents.ANSWER);
    // After early media, CHANNEL_ANSWER still says EARLY MEDIA; what follows says ANSWER (15).
    channel.set("endpoint_disposition", "ANSWER");
    changeCallState("ACTIVE", 4);
    deliverResult("+OK " + channel.uuid + "\n");
    if (!applicationStarted) {
      startApplication();
    }
    return true;
  }

  /**
   * The far end sends BYE (answered), CANCEL (inbound, unanswered) or a final error (outbound,
   * unanswered).
   */
  synchronized boolean farEndHangsUp(HangupCause cause) {
    if (ended) {
      return false;
    }
    if (channel.answered()) {
      channel.set("sip_hangup_disposition", "recv_bye");
      end(cause, true);
    } else if (channel.inbound()) {
      channel.set("sip_hangup_disposition", "recv_cancel");
      end(cause, true);
    } else {
      refuse(cause);
    }
    return true;
  }

  /** RFC 2833 digits from the far end: one DTMF event each (capture 08-dtmf-rfc2833). */
  synchronized void pressDigits(String digits) {
    Dtmf.requireValid(digits);
    if (ended) {
      throw new IllegalStateException("channel " + channel.uuid + " has hung up");
    }
    if (!channel.mediaUp) {
      throw new IllegalStateException(
          "channel " + channel.uuid + " has no media yet: answer it first");
    }
    for (char digit : digits.toUpperCase(Locale.ROOT).toCharArray()) {
      events.fire(
          channel,
          "DTMF",
          DTMF,
          NONE,
          List.of(
              new EventHeader("DTMF-Digit", Character.toString(digit)),
              new EventHeader("DTMF-Duration", DTMF_DURATION),
              new EventHeader("DTMF-Source", "RTP")));
    }
  }

  /**
   * uuid_transfer as switch_ivr_session_transfer does it: a new caller profile, the running
   * application ends, the dialplan runs again; the simulated dialplan parks every destination.
   */
  synchronized boolean transfer(String extension, String dialplan, String context) {
    if (ended) {
      return false;
    }
    String forwards = channel.variable("max_forwards");
    int remaining = forwards == null ? 70 : parseIntOr(forwards, 0) - 1;
    if (remaining <= 0) {
      end(HangupCause.EXCHANGE_ROUTING_ERROR, true);
      return false;
    }
    channel.set("max_forwards", Integer.toString(remaining));
    String useDialplan =
        dialplan != null ? dialplan : channel.dialplan != null ? channel.dialplan : "XML";
    String useContext =
        context != null ? context : channel.context != null ? channel.context : "default";
    // Transferring one leg out of a bridge hangs up the other (switch_ivr_session_transfer).
    leaveBridge(HangupCause.BLIND_TRANSFER);
    leaveApplication();
    channel.rdnis = channel.destination;
    channel.destination = extension;
    channel.dialplan = useDialplan;
    channel.context = useContext;
    channel.profileIndex++;
    channel.transferMicros = clock.nowMicros();
    channel.transferSource =
        (channel.transferMicros / 1_000_000L)
            + ":"
            + channel.uuid
            + ":bl_xfer:"
            + extension
            + "/"
            + useContext
            + "/"
            + useDialplan;
    String history = channel.variable("transfer_history");
    channel.set(
        "transfer_history",
        history == null
            ? channel.transferSource
            : "ARRAY::" + history.replaceFirst("^ARRAY::", "") + "|:" + channel.transferSource);
    channel.set("transfer_source", channel.transferSource);
    if (channel.inbound()) {
      changeCallState("RINGING", 2);
    }
    channel.state("CS_ROUTING", 2);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    if (channel.inbound() && channel.answered()) {
      changeCallState("ACTIVE", 4);
    }
    channel.state("CS_EXECUTE", 4);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    channel.hitDialplan = true;
    park();
    return true;
  }

  synchronized List<EventHeader> profile(String prefix) {
    return channel.profile(prefix);
  }

  /**
   * Joins a bridge made by uuid_bridge: the park (or playback) ends, both legs exchange media and
   * the originator fires CHANNEL_BRIDGE carrying the other leg's profile as Other-Leg-*.
   */
  synchronized boolean joinBridge(
      String otherUuid, List<EventHeader> otherProfile, boolean originator) {
    if (ended) {
      return false;
    }
    leaveApplication();
    applicationStarted = true;
    bridgedWith = otherUuid;
    bridgeOriginator = originator;
    channel.bridgedMicros = clock.nowMicros();
    channel.otherType = originator ? "originatee" : "originator";
    channel.otherLeg = otherProfile;
    channel.set("signal_bond", otherUuid);
    channel.set("bridge_to", otherUuid);
    channel.set("last_bridge_to", otherUuid);
    channel.state("CS_EXCHANGE_MEDIA", 5);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    if (originator) {
      events.fire(channel, "CHANNEL_BRIDGE", BRIDGE, bridgeHeaders(otherUuid), NONE);
    }
    return true;
  }

  /**
   * The other leg of our bridge hung up: unbridge, then hang up with its cause as a bridge does,
   * unless this leg is {@code park_after_bridge} (switch_ivr_bridge.c): then it parks again.
   */
  private synchronized void partnerHungUp(HangupCause cause) {
    if (ended || bridgedWith == null) {
      return;
    }
    if ("true".equalsIgnoreCase(channel.variable("park_after_bridge"))) {
      unbridge();
      // The bridge's variables go with it (switch_ivr_bridge.c clears bridge_to and signal_bond).
      channel.set("bridge_to", null);
      channel.set("signal_bond", null);
      park();
      return;
    }
    end(cause, true);
  }

  /** Leaves the bridge: the originator fires CHANNEL_UNBRIDGE; returns the partner's uuid. */
  private String unbridge() {
    String partner = bridgedWith;
    bridgedWith = null;
    if (bridgeOriginator) {
      events.fire(channel, "CHANNEL_UNBRIDGE", UNBRIDGE, bridgeHeaders(partner), NONE);
    }
    channel.otherType = null;
    channel.otherLeg = List.of();
    return partner;
  }

  /**
   * Ends our side of a bridge: the originator fires CHANNEL_UNBRIDGE, the other leg hangs up with
   * the cause.
   */
  private void leaveBridge(HangupCause causeForPartner) {
    if (bridgedWith == null) {
      return;
    }
    String partner = unbridge();
    CallLeg other = directory.apply(partner);
    if (other != null) {
      // Outside our monitor: the other leg takes its own.
      submit(() -> other.partnerHungUp(causeForPartner));
    }
  }

  private List<EventHeader> bridgeHeaders(String otherUuid) {
    return List.of(
        new EventHeader("Bridge-A-Unique-ID", channel.uuid),
        new EventHeader("Bridge-B-Unique-ID", otherUuid));
  }

  /**
   * uuid_record start: RECORD_START now, the WAV file at stop (or when the limit in seconds is
   * reached).
   */
  synchronized boolean startRecording(String path, int limitSeconds) {
    return startRecording(path, limitSeconds, 0);
  }

  /**
   * As above, ended after {@code initialTimeoutMs} of (the simulated caller's) silence when
   * positive.
   */
  synchronized boolean startRecording(String path, int limitSeconds, int initialTimeoutMs) {
    return !ended
        && recordings.start(
            path,
            limitSeconds,
            initialTimeoutMs,
            () -> limitReached(path),
            () -> silenceReached(path));
  }

  private synchronized void silenceReached(String path) {
    if (!ended) {
      recordings.silenceReached(path);
    }
  }

  /** uuid_record stop: {@code all} stops every recording of the leg. */
  synchronized boolean stopRecording(String path) {
    return !ended && recordings.stop(path);
  }

  private synchronized void limitReached(String path) {
    if (!ended) {
      recordings.limitReached(path);
    }
  }

  /**
   * The restart fault: the leg disappears with the switch, without a single event. A waiting
   * originate learns nothing either; its socket is gone.
   */
  synchronized void vanish() {
    ended = true;
    cancelTimers();
    playbacks.vanish();
    recordings.forget();
    // Frees a waiting api originate; its socket is already closed, so nobody reads this.
    deliverResult("-ERR SYSTEM_SHUTDOWN\n");
  }

  /** Ends whatever the leg runs (playback, park) before a transfer or bridge takes it elsewhere. */
  private void leaveApplication() {
    playbacks.leave();
    if (hostApplication != null) {
      if (hostApplication.equals("park")) {
        events.fire(channel, "CHANNEL_UNPARK", ChannelEvents.UNPARK);
      }
      String response = channel.variable("current_application_response");
      events.fire(
          channel,
          "CHANNEL_EXECUTE_COMPLETE",
          ChannelEvents.EXECUTE_COMPLETE,
          NONE,
          applicationHeaders(
              hostApplication, null, hostApplicationUuid, response == null ? "_none_" : response));
      hostApplication = null;
    }
    channel.application = null;
    channel.applicationData = null;
  }

  synchronized boolean hangup(HangupCause cause) {
    if (ended) {
      return false;
    }
    end(cause, true);
    return true;
  }

  /** sendmsg execute playback: runs after what plays now. */
  synchronized boolean playback(String path, String applicationUuid) {
    if (ended) {
      return false;
    }
    playbacks.execute(path, applicationUuid);
    return true;
  }

  /** uuid_broadcast: queued behind what plays now, picked up by the park loop. */
  synchronized boolean broadcast(String path) {
    if (ended) {
      return false;
    }
    playbacks.broadcast(path);
    return true;
  }

  /**
   * uuid_break: stops the prompt playing now (its PLAYBACK_STOP says {@code break}); with {@code
   * all}, the prompts queued behind it are dropped too, as flushing the private events does.
   */
  synchronized void breakMedia(boolean all) {
    if (!ended) {
      playbacks.breakMedia(all);
    }
  }

  /** A sendmsg execute of an application other than playback: it runs and completes at once. */
  synchronized boolean executeInstantly(String app, String arg, String applicationUuid) {
    if (ended) {
      return false;
    }
    String uuid = applicationUuid == null ? newUuid() : applicationUuid;
    channel.set("current_application_data", arg);
    channel.set("current_application", app);
    events.fire(
        channel,
        "CHANNEL_EXECUTE",
        ChannelEvents.EXECUTE,
        NONE,
        applicationHeaders(app, arg, uuid, null));
    events.fire(
        channel,
        "CHANNEL_EXECUTE_COMPLETE",
        ChannelEvents.EXECUTE_COMPLETE,
        NONE,
        applicationHeaders(app, arg, uuid, "_none_"));
    return true;
  }

  private synchronized void refuse(HangupCause cause) {
    if (ended) {
      return;
    }
    int status = FarEnds.sipStatus(cause);
    channel.networkAddr = "127.0.0.1";
    channel.set("sip_call_id", newUuid());
    channel.set("sip_local_network_addr", "127.0.0.1");
    channel.set("sip_reply_host", "127.0.0.1");
    channel.set("sip_reply_port", "5090");
    channel.set("sip_network_ip", "127.0.0.1");
    channel.set("sip_network_port", "5090");
    channel.set("sip_hangup_disposition", "recv_refuse");
    channel.set("sip_invite_failure_status", Integer.toString(status));
    channel.set("sip_invite_failure_phrase", FarEnds.sipPhrase(status));
    channel.set("sip_term_status", Integer.toString(status));
    channel.set("proto_specific_hangup_cause", "sip:" + status);
    channel.set("sip_term_cause", Integer.toString(cause.q850()));
    // A rejected call's originate returns only after the leg is fully torn down.
    end(cause, false);
  }

  /**
   * The switch gives up ringing before the whole timeout: 4.4 s for 5 and 2.8 s for 3 in captures
   * 19 and 07 (it counts whole seconds from a clock tick), so somewhere in the last second.
   */
  static Duration ringTimeout(int seconds) {
    return Duration.ofMillis(Math.max(100, seconds * 1000L - 600));
  }

  /**
   * The ring timeout: FreeSWITCH sends CANCEL, and the far end's 487 ends the INVITE (capture 19).
   */
  private synchronized void giveUpRinging() {
    if (ended || channel.answered() || resultDelivered) {
      return;
    }
    channel.set("sip_hangup_disposition", "send_cancel");
    channel.set("sip_invite_failure_status", "487");
    channel.set("sip_invite_failure_phrase", "CANCEL");
    end(HangupCause.NO_ANSWER, true);
  }

  private void startApplication() {
    applicationStarted = true;
    OriginateRequest request = channel.request;
    String app = request.application() == null ? "park" : request.application();
    channel.state("CS_EXECUTE", 4);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    channel.hitDialplan = true;
    channel.flipCallerId();
    if (app.equals("playback")) {
      hostApplication = null;
      playbacks.playAsApplication(
          request.applicationData() == null ? "" : request.applicationData());
      return;
    }
    hostApplication = app;
    hostApplicationUuid = newUuid();
    String data = request.application() == null ? null : request.applicationData();
    channel.application = app;
    channel.applicationData = data;
    channel.set("current_application_data", data);
    channel.set("current_application", app);
    events.fire(
        channel,
        "CHANNEL_EXECUTE",
        ChannelEvents.EXECUTE,
        NONE,
        applicationHeaders(app, data, hostApplicationUuid, null));
    if (app.equals("park")) {
      events.fire(channel, "CHANNEL_PARK", ChannelEvents.PARK);
    }
  }

  /**
   * Tears the leg down in FreeSWITCH's order: HANGUP, the running applications complete, the call
   * state and state machine move on, CDR variables are computed, HANGUP_COMPLETE, DESTROY.
   */
  private void end(HangupCause cause, boolean resultRightAfterHangup) {
    ended = true;
    cancelTimers();
    channel.hangupCause = cause;
    long hangupAt = clock.nowMicros();
    channel.answerState = "hangup";
    channel.stateNumber = 10;
    if (channel.variable("sip_hangup_disposition") == null) {
      if (channel.answered()) {
        channel.set("sip_hangup_disposition", "send_bye");
      } else if (channel.inbound()) {
        channel.set("sip_hangup_disposition", "send_refuse");
      }
    }
    events.fire(channel, "CHANNEL_HANGUP", ChannelEvents.HANGUP);
    if (resultRightAfterHangup) {
      deliverResult("-ERR " + cause.name() + "\n");
    }
    leaveBridge(cause);
    playbacks.hangup();
    if (hostApplication != null) {
      if (hostApplication.equals("park")) {
        events.fire(channel, "CHANNEL_UNPARK", ChannelEvents.UNPARK);
      }
      String response = channel.variable("current_application_response");
      events.fire(
          channel,
          "CHANNEL_EXECUTE_COMPLETE",
          ChannelEvents.EXECUTE_COMPLETE,
          NONE,
          applicationHeaders(
              hostApplication, null, hostApplicationUuid, response == null ? "_none_" : response));
    }
    // Stamped in CS_HANGUP, after the applications ended: until then events say 0 (15-21b).
    channel.hangupMicros = hangupAt;
    channel.state("CS_HANGUP", 10);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    // Media bugs close in CS_HANGUP: RECORD_STOP comes just before HANGUP_COMPLETE (21, 21b).
    recordings.hangup();
    changeCallState("HANGUP", 7);
    channel.state("CS_REPORTING", 11);
    events.fire(channel, "CHANNEL_STATE", ChannelEvents.STATE);
    new CallDetailVariables(channel).apply();
    events.fire(
        channel,
        "CHANNEL_HANGUP_COMPLETE",
        ChannelEvents.HANGUP_COMPLETE,
        List.of(new EventHeader("Hangup-Cause", cause.name())),
        NONE);
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
        channel,
        "CHANNEL_CALLSTATE",
        ChannelEvents.CALLSTATE,
        List.of(
            new EventHeader("Original-Channel-Call-State", previous),
            new EventHeader("Channel-Call-State-Number", Integer.toString(number))),
        NONE);
  }

  private void setMediaVariables() {
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
    channel.set(
        "sip_call_id",
        channel.variable("sip_call_id") == null ? newUuid() : channel.variable("sip_call_id"));
  }

  private void deliverResult(String body) {
    if (!resultDelivered) {
      resultDelivered = true;
      originateResult.accept(body);
    }
  }

  private void later(Duration delay, Runnable step) {
    SimulatorClock.Timer timer = schedule(delay, step);
    if (timer != null) {
      pendingTimers.add(timer);
    }
  }

  /** Null once the switch is gone (closed or restarted): its timers no longer run. */
  private SimulatorClock.Timer schedule(Duration delay, Runnable step) {
    try {
      return clock.schedule(delay, step);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** A timer whose task runs holding this leg's monitor, and only while the leg is up. */
  private SimulatorClock.Timer scheduleWhileUp(Duration delay, Runnable task) {
    return schedule(
        delay,
        () -> {
          synchronized (this) {
            if (!ended) {
              task.run();
            }
          }
        });
  }

  private void submit(Runnable step) {
    try {
      clock.execute(step);
    } catch (RejectedExecutionException ignored) {
      // The switch is shutting down; nothing left to run.
    }
  }

  private static int parseIntOr(String text, int fallback) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private void cancelTimers() {
    pendingTimers.forEach(SimulatorClock.Timer::cancel);
    pendingTimers.clear();
  }

  private static List<EventHeader> applicationHeaders(
      String app, String data, String uuid, String response) {
    return ChannelEvents.application(app, data, uuid, response);
  }

  private static String newUuid() {
    return UUID.randomUUID().toString();
  }
}
