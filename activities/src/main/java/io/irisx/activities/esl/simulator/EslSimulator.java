package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that speaks FreeSWITCH's inbound Event Socket protocol byte for byte, with simulated
 * outbound calls whose far end is scripted by the dialled number (see {@link FarEnds} and {@link
 * #script}), inbound calls and far-end actions on demand, and faults on demand (stalled replies,
 * refused auth, dropped connections, a restart). Meant for tests and local development in place of
 * a real switch.
 */
public final class EslSimulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EslSimulator.class);

  /**
   * Where the switch finds a relative sound file; PLAYBACK_START and PLAYBACK_STOP name the file
   * with it in front, as a default install does.
   */
  public static final String SOUND_PREFIX = SimulatedMedia.SOUND_PREFIX;

  private final SimulatorOptions options;
  private final java.util.function.Supplier<SimulatorClock> clocks;
  private final SimulatorTraffic traffic = new SimulatorTraffic();
  private final ServerSocket server;
  private final Faults faults = new Faults();
  private final FarEnds farEnds = new FarEnds();
  private final SwitchModules modules = new SwitchModules();
  private final SimulatedMedia media = new SimulatedMedia(modules);
  private final OriginateLog originates = new OriginateLog();
  private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
  private final List<String> receivedCommands = new CopyOnWriteArrayList<>();
  private final Object restartLock = new Object();
  private volatile SimulatedSwitch core;
  private volatile ControlServer control;
  private volatile boolean closed;

  private EslSimulator(
      SimulatorOptions options,
      java.util.function.Supplier<SimulatorClock> clocks,
      ServerSocket server) {
    this.options = options;
    this.clocks = clocks;
    this.server = server;
    this.core = newCore();
    faults.dropLinksWith(this::dropConnections);
  }

  private SimulatedSwitch newCore() {
    SwitchIdentity identity =
        new SwitchIdentity(
            UUID.randomUUID().toString(), "irisx-esl-sim", "127.0.0.1", "::1", Instant.now());
    return new SimulatedSwitch(
        options, identity, farEnds, originates, clocks.get(), traffic, modules, media);
  }

  public static EslSimulator start(SimulatorOptions options) {
    return start(options, SimulatorClock.realTime());
  }

  /**
   * Starts a simulator whose far ends, playbacks and HEARTBEAT run on clocks from {@code clocks}
   * (one per switch life: a {@link #restart} takes a fresh one) instead of real time.
   */
  public static EslSimulator start(
      SimulatorOptions options, java.util.function.Supplier<SimulatorClock> clocks) {
    java.util.Objects.requireNonNull(clocks, "clocks");
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()));
      EslSimulator simulator = new EslSimulator(options, clocks, server);
      Thread.ofPlatform()
          .daemon()
          .name("esl-sim-accept-" + server.getLocalPort())
          .start(simulator::acceptLoop);
      log.info("ESL simulator listening on {}:{}", options.host(), server.getLocalPort());
      if (options.controlPort() >= 0) {
        simulator.control = ControlServer.start(simulator, options.controlPort());
        log.info("ESL simulator control API on {}", simulator.control.url());
      }
      return simulator;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + options.host() + ":" + options.port(), e);
    }
  }

  public String host() {
    return options.host();
  }

  /** The bound port, which differs from the configured one when that was 0. */
  public int port() {
    return server.getLocalPort();
  }

  /** What is still on its way to the clients (see {@link SimulatorTraffic}). */
  public SimulatorTraffic traffic() {
    return traffic;
  }

  public String coreUuid() {
    return core.identity().coreUuid();
  }

  /** Every command line received so far, in arrival order, with auth passwords masked. */
  public List<String> receivedCommands() {
    return List.copyOf(receivedCommands);
  }

  /**
   * The originates received at or after {@code sinceMicros} (epoch microseconds), oldest first,
   * each timestamped on receipt; the most recent {@value OriginateLog#CAPACITY} are kept.
   */
  public List<ReceivedOriginate> receivedOriginates(long sinceMicros) {
    return originates.since(sinceMicros);
  }

  public List<SimulatedChannelView> liveChannels() {
    return core.liveChannels();
  }

  /** Closes every client socket without notice, as a network failure would; keeps listening. */
  public void dropConnections() {
    for (ClientConnection connection : List.copyOf(connections)) {
      connection.close();
    }
  }

  /**
   * The next api command named {@code command} (e.g. {@code uuid_broadcast}) is run and answered,
   * then every client socket closes before the events it causes go out: they are lost, as when the
   * network fails just then.
   */
  public void dropConnectionsAfterReplyTo(String command) {
    faults.dropAfterReplyTo(command);
  }

  /**
   * While stalled, commands are still read and executed but their replies, and every frame after
   * the first held reply on that socket, are held; un-stalling sends them in their original order.
   */
  public void stallReplies(boolean stalled) {
    faults.stallReplies(stalled);
    if (!stalled) {
      List.copyOf(connections).forEach(ClientConnection::release);
    }
  }

  /**
   * While refusing, every auth gets {@code -ERR invalid} and the goodbye notice, as for a wrong
   * password.
   */
  public void refuseAuth(boolean refuse) {
    faults.refuseAuth(refuse);
  }

  /**
   * As if FreeSWITCH restarted: every client socket closes, every channel is gone without a single
   * event, and the switch comes back on the same port with a new Core-UUID.
   */
  public void restart() {
    synchronized (restartLock) {
      SimulatedSwitch old = core;
      core = newCore();
      dropConnections();
      old.vanish();
    }
    log.info("ESL simulator restarted with Core-UUID {}", coreUuid());
  }

  /**
   * A call from the network to one of our numbers, which the dialplan parks for IRISX without
   * answering (CHANNEL_CREATE ... CHANNEL_PARK as capture 09-inbound-call shows).
   *
   * @return the uuid of the new inbound channel
   */
  public String placeInboundCall(String fromE164, String didE164) {
    return placeInboundCall(fromE164, null, didE164);
  }

  /**
   * As {@link #placeInboundCall(String, String)}, from a caller that sends a display name. The
   * caller's number reaches the switch as the network sent it: FreeSWITCH adds no {@code +} and
   * changes nothing (capture 20), so {@code from} may be E.164, national ({@code 0...}) or without
   * its {@code +}.
   */
  public String placeInboundCall(String from, String callerName, String did) {
    if (from == null || !from.matches("[A-Za-z0-9+*#._-]{1,32}")) {
      throw new IllegalArgumentException(
          "from must be a SIP user like +15551234567, 0201234567 or anonymous: " + from);
    }
    if (callerName != null && !callerName.matches("[^\"\\p{Cntrl}]{0,64}")) {
      throw new IllegalArgumentException("callerName must be plain text: " + callerName);
    }
    return core.placeInboundCall(from, callerName, requireNumber(did, "did"));
  }

  /**
   * The far end sends RFC 2833 digits on a channel with media (answered or early): one DTMF event
   * per digit, as capture 08-dtmf-rfc2833 shows.
   *
   * @throws IllegalArgumentException for an unknown uuid or characters that are not DTMF
   * @throws IllegalStateException when the channel has no media yet or has hung up
   */
  public void pressDigits(String uuid, String digits) {
    liveLeg(uuid).pressDigits(digits);
  }

  /**
   * The far end hangs up: BYE on an answered call (sip_hangup_disposition {@code recv_bye}), CANCEL
   * on an unanswered inbound one, a final error on an unanswered outbound one.
   *
   * @param cause a FreeSWITCH hangup cause name or number; null means NORMAL_CLEARING
   */
  public void hangUpFarEnd(String uuid, String cause) {
    HangupCause parsed =
        cause == null
            ? HangupCause.NORMAL_CLEARING
            : HangupCause.parse(cause)
                .orElseThrow(() -> new IllegalArgumentException("unknown hangup cause: " + cause));
    if (!liveLeg(uuid).farEndHangsUp(parsed)) {
      throw new IllegalStateException("channel " + uuid + " has already hung up");
    }
  }

  /**
   * Scripts the far end of every later call to this number; it wins over the built-in suffix table.
   */
  public void script(String e164, FarEndScript script) {
    farEnds.register(
        requireNumber(e164, "e164"), java.util.Objects.requireNonNull(script, "script"));
  }

  /**
   * The switch cannot open this media: the playback application completes at once with {@code
   * response} as its Application-Response ({@code FILE NOT FOUND} for a missing file, {@code
   * Invalid file format}, ...) and sends no PLAYBACK_START or PLAYBACK_STOP, as capture 15 shows.
   * Files named {@code no-such-...} are missing without a script.
   */
  public void mediaFailsToOpen(String path, String response) {
    media.scriptFailure(
        java.util.Objects.requireNonNull(path, "path"),
        java.util.Objects.requireNonNull(response, "response"));
  }

  /** This media plays for {@code length} instead of the default playback length. */
  public void mediaLength(String path, Duration length) {
    media.scriptLength(
        java.util.Objects.requireNonNull(path, "path"),
        java.util.Objects.requireNonNull(length, "length"));
  }

  /**
   * Unloads a module, as {@code api unload} does: without mod_ssml, {@code tts://} media cannot be
   * opened (capture 18), and {@code module_exists} says {@code false}.
   */
  public void unloadModule(String module) {
    modules.unload(module);
  }

  /** The playbacks of this channel that ended (PLAYBACK_STOP), oldest first. */
  public List<PlayedMedia> playedMedia(String channelUuid) {
    return media.played(channelUuid);
  }

  /** Loads a module again, as {@code api load} does. */
  public void loadModule(String module) {
    modules.load(module);
  }

  /** The control API's base URL, e.g. {@code http://127.0.0.1:8022}, or null when it is off. */
  public String controlUrl() {
    ControlServer running = control;
    return running == null ? null : running.url();
  }

  private CallLeg liveLeg(String uuid) {
    CallLeg leg = core.leg(uuid);
    if (leg == null) {
      throw new IllegalArgumentException("no such channel: " + uuid);
    }
    return leg;
  }

  private static String requireNumber(String number, String name) {
    if (number == null || !number.matches("\\+?[0-9]{1,20}")) {
      throw new IllegalArgumentException(
          name + " must be a phone number like +15551234567: " + number);
    }
    return number;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      log.debug("closing the ESL simulator socket failed: {}", e.toString());
    }
    if (control != null) {
      control.stop();
    }
    dropConnections();
    core.close();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        ClientConnection[] holder = new ClientConnection[1];
        synchronized (restartLock) {
          holder[0] =
              new ClientConnection(
                  socket, core, faults, receivedCommands::add, () -> connections.remove(holder[0]));
          connections.add(holder[0]);
          holder[0].start();
        }
      } catch (IOException e) {
        if (!closed) {
          log.warn("ESL simulator accept failed: {}", e.toString());
        }
      }
    }
  }
}
