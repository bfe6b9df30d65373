package io.irisx.activities.esl.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The simulated FreeSWITCH core: the live channels, the event bus, the timers that drive the
 * scripted far ends, and the HEARTBEAT. Connections talk to it; it never talks to sockets.
 */
final class SimulatedSwitch implements AutoCloseable {
  private static final Pattern UUID_SHAPE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final CallSite HEARTBEAT = new CallSite("switch_core.c", "send_heartbeat", 95);

  private final SimulatorOptions options;
  private final SwitchIdentity identity;
  private final FarEnds farEnds;
  private final OriginateLog originates;
  private final EventBus bus;
  private final ChannelEvents channelEvents;
  private final SimulatorClock clock;
  private final SimulatorTraffic traffic;
  private final SwitchModules modules;
  private final SimulatedMedia media;
  private final Map<String, CallLeg> legs = new LinkedHashMap<>();
  private final AtomicLong sessionsSinceStartup = new AtomicLong();
  private final AtomicLong peakSessions = new AtomicLong();

  SimulatedSwitch(
      SimulatorOptions options,
      SwitchIdentity identity,
      FarEnds farEnds,
      OriginateLog originates,
      SimulatorClock clock,
      SimulatorTraffic traffic,
      SwitchModules modules,
      SimulatedMedia media) {
    this.modules = modules;
    this.media = media;
    this.options = options;
    this.identity = identity;
    this.farEnds = farEnds;
    this.originates = originates;
    this.clock = clock;
    this.traffic = traffic;
    this.bus = new EventBus(identity, clock);
    this.channelEvents = new ChannelEvents(bus);
    clock.every(options.heartbeatInterval(), this::heartbeat);
  }

  SimulatorTraffic traffic() {
    return traffic;
  }

  EventBus bus() {
    return bus;
  }

  SwitchIdentity identity() {
    return identity;
  }

  SimulatorOptions options() {
    return options;
  }

  SwitchModules modules() {
    return modules;
  }

  /** Runs a background job the way api_exec does for bgapi, then fires BACKGROUND_JOB. */
  void runBackgroundJob(String jobUuid, String command, String arguments) {
    Consumer<String> publishResult =
        output -> publishJobResult(jobUuid, command, arguments, output);
    if (command.equalsIgnoreCase("originate")) {
      // The leg hands its result over inside its own event sequence, so BACKGROUND_JOB lands
      // between the channel events exactly where FreeSWITCH puts it.
      originate(arguments, publishResult);
      return;
    }
    // Counted as in progress until its BACKGROUND_JOB is out, as the bgapi command itself was.
    traffic.commandStarted();
    Thread.ofVirtual()
        .name("esl-sim-bgapi")
        .start(
            () -> {
              try {
                publishResult.accept(api(command, arguments));
              } finally {
                traffic.commandFinished();
              }
            });
  }

  /** Runs an api command synchronously and returns its output, as the api verb does. */
  String api(String command, String arguments) {
    bus.publish(
        new EventDraft("API", new CallSite("switch_loadable_module.c", "switch_api_execute", 3143))
            .add("API-Command", command)
            .add("API-Command-Argument", arguments));
    String output = new ApiCommands(this).execute(command, arguments == null ? "" : arguments);
    return output.isEmpty() ? "-ERR no reply\n" : output;
  }

  String originateAndWait(String arguments) {
    CompletableFuture<String> result = new CompletableFuture<>();
    originate(arguments, result::complete);
    try {
      return result.get(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "-ERR ORIGINATOR_CANCEL\n";
    } catch (ExecutionException | TimeoutException e) {
      return "-ERR DESTINATION_OUT_OF_ORDER\n";
    }
  }

  private void originate(String arguments, Consumer<String> onResult) {
    long receivedAt = clock.nowMicros();
    OriginateRequest request;
    try {
      request = OriginateRequest.parse(arguments);
    } catch (OriginateRefusal refusal) {
      onResult.accept(refusal.replyBody());
      return;
    }
    originates.add(
        new ReceivedOriginate(
            request.variable("irisx_call_id"),
            request.variable("origination_uuid"),
            request.destination(),
            receivedAt));
    long sessionId = sessionsSinceStartup.incrementAndGet();
    int mediaPort = 16384 + (int) (sessionId * 2 % 16000);
    CallLeg leg;
    synchronized (legs) {
      String wanted = request.variable("origination_uuid");
      // Like FreeSWITCH, a malformed or already used origination_uuid silently gets a random uuid.
      String uuid =
          wanted != null && UUID_SHAPE.matcher(wanted).matches() && !legs.containsKey(wanted)
              ? wanted
              : UUID.randomUUID().toString();
      SimulatedChannel channel =
          new SimulatedChannel(uuid, request, sessionId, mediaPort, clock.nowMicros());
      leg =
          new CallLeg(
              channel,
              channelEvents,
              clock,
              media,
              options.defaultPlayback(),
              onResult,
              () -> forget(uuid));
      leg.useDirectory(this::leg);
      legs.put(uuid, leg);
      peakSessions.accumulateAndGet(legs.size(), Math::max);
    }
    leg.dial(
        farEnds.forDestination(request.destination()), options.ringDelay(), options.answerDelay());
  }

  /** A call from the network to one of our DIDs, parked by the dialplan; returns its uuid. */
  String placeInboundCall(String from, String callerName, String did) {
    long sessionId = sessionsSinceStartup.incrementAndGet();
    String uuid = UUID.randomUUID().toString();
    CallLeg leg;
    synchronized (legs) {
      SimulatedChannel channel =
          new SimulatedChannel(uuid, from, callerName, did, sessionId, clock.nowMicros());
      leg =
          new CallLeg(
              channel,
              channelEvents,
              clock,
              media,
              options.defaultPlayback(),
              result -> {},
              () -> forget(uuid));
      leg.useDirectory(this::leg);
      legs.put(uuid, leg);
      peakSessions.accumulateAndGet(legs.size(), Math::max);
    }
    leg.arrive();
    return uuid;
  }

  /** uuid_bridge: both legs leave their application; the first one is the originator. */
  boolean bridge(CallLeg originator, CallLeg originatee) {
    List<EventHeader> originatorProfile = originator.profile("Other-Leg");
    List<EventHeader> originateeProfile = originatee.profile("Other-Leg");
    return originatee.joinBridge(originator.uuid(), originatorProfile, false)
        && originator.joinBridge(originatee.uuid(), originateeProfile, true);
  }

  CallLeg leg(String uuid) {
    synchronized (legs) {
      return uuid == null ? null : legs.get(uuid.strip());
    }
  }

  List<CallLeg> legs() {
    synchronized (legs) {
      return new ArrayList<>(legs.values());
    }
  }

  List<SimulatedChannelView> liveChannels() {
    return legs().stream().map(CallLeg::view).toList();
  }

  long sessionsSinceStartup() {
    return sessionsSinceStartup.get();
  }

  long peakSessions() {
    return peakSessions.get();
  }

  Duration uptime() {
    return Duration.between(identity.startedAt(), java.time.Instant.now());
  }

  private void forget(String uuid) {
    synchronized (legs) {
      legs.remove(uuid);
    }
  }

  private void publishJobResult(String jobUuid, String command, String arguments, String output) {
    bus.publish(
        new EventDraft("BACKGROUND_JOB", new CallSite("mod_event_socket.c", "api_exec", 1572))
            .add("Job-UUID", jobUuid)
            .add("Job-Command", command)
            .add("Job-Command-Arg", arguments)
            .body(output));
  }

  private void heartbeat() {
    int live = legs().size();
    bus.publish(
        new EventDraft("HEARTBEAT", HEARTBEAT)
            .add("Event-Info", "System Ready")
            .add("Up-Time", UptimeText.of(uptime()))
            .add("FreeSWITCH-Version", SwitchIdentity.VERSION)
            .add("Uptime-msec", Long.toString(uptime().toMillis()))
            .add("Session-Count", Integer.toString(live))
            .add("Max-Sessions", "1000")
            .add("Session-Per-Sec", "30")
            .add("Session-Per-Sec-Last", "0")
            .add("Session-Per-Sec-Max", "0")
            .add("Session-Per-Sec-FiveMin", "0")
            .add("Session-Since-Startup", Long.toString(sessionsSinceStartup()))
            .add("Session-Peak-Max", Long.toString(peakSessions()))
            .add("Session-Peak-FiveMin", Long.toString(peakSessions()))
            .add("Idle-CPU", "99.000000"));
  }

  /**
   * Stops timers without hanging anything up: a closed simulator goes silent, like a killed switch.
   */
  @Override
  public void close() {
    clock.shutdown();
  }

  /**
   * The restart fault: every channel is gone at once, without events, and nothing runs any more.
   */
  void vanish() {
    clock.shutdown();
    List<CallLeg> gone;
    synchronized (legs) {
      gone = new ArrayList<>(legs.values());
      legs.clear();
    }
    gone.forEach(CallLeg::vanish);
  }
}
