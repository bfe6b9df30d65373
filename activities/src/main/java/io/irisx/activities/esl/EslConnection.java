package io.irisx.activities.esl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's inbound event-socket link to its FreeSWITCH node, on the freeswitch-esl client. A
 * supervisor thread owns the link: it opens one {@link EslSession} (one client, one socket) at a
 * time, checks that the switch really accepted the password, subscribes, and replaces the session
 * with capped exponential backoff when it closes, when no HEARTBEAT arrives in time, or when a
 * command outlives its deadline. After a reconnect it reconciles the channels it believed alive
 * with the switch and ends the vanished ones with a synthetic hangup. Events go to the listener in
 * order per channel, off the I/O thread, with duplicates (same Core-UUID and Event-Sequence)
 * dropped.
 */
public final class EslConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EslConnection.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the call workflows react to, the job results that carry originate outcomes, the parks that
   * announce inbound calls, and liveness.
   */
  static final String SUBSCRIBED_EVENTS =
      "BACKGROUND_JOB CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER"
          + " CHANNEL_PARK CHANNEL_BRIDGE CHANNEL_UNBRIDGE CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_HANGUP"
          + " CHANNEL_HANGUP_COMPLETE CHANNEL_DESTROY PLAYBACK_START PLAYBACK_STOP DTMF RECORD_START"
          + " RECORD_STOP HEARTBEAT";

  /** Marks the hangups this class makes up for channels that vanished while the link was down. */
  public static final String SYNTHETIC_HEADER = "X-IRISX-Synthetic";

  public static final String RECONCILED_CAUSE = "NORMAL_TEMPORARY_FAILURE";

  private static final int DISPATCH_LANES = 8;
  private static final int REMEMBERED_EVENTS = 20_000;
  private static final Pattern ORIGINATION_UUID =
      Pattern.compile("origination_uuid=([0-9A-Fa-f-]{36})");

  private final EslNodeSettings settings;
  private final EslLinkPolicy policy;
  private final SwitchEventListener listener;
  private final List<Runnable> linkUpTasks = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final EslObserver observer;
  private final String host;
  private final OrderedDispatcher dispatcher;
  private final ExecutorService commandThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final ChannelLedger channels = new ChannelLedger();
  private final SeenEvents seen = new SeenEvents(REMEMBERED_EVENTS);
  private final CountDownLatch firstLink = new CountDownLatch(1);
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicInteger linksEstablished = new AtomicInteger();
  private final Thread supervisor;
  private volatile EslSession live;
  private volatile String problem = "not connected yet";
  private volatile long lastHeartbeatNanos = System.nanoTime();
  private volatile String coreUuid;

  private EslConnection(
      EslNodeSettings settings,
      EslLinkPolicy policy,
      SwitchEventListener listener,
      EslObserver observer) {
    this.settings = settings;
    this.policy = policy;
    this.listener = listener;
    this.observer = observer;
    this.host = resolve(settings.host());
    this.dispatcher =
        new OrderedDispatcher("esl-events-" + settings.nodeId(), DISPATCH_LANES, listener);
    this.supervisor =
        Thread.ofPlatform()
            .daemon()
            .name("esl-link-" + settings.nodeId())
            .unstarted(this::supervise);
  }

  /**
   * {@link #connect(EslNodeSettings, EslLinkPolicy, SwitchEventListener)} with the default policy.
   */
  public static EslConnection connect(EslNodeSettings settings, SwitchEventListener listener) {
    return connect(settings, EslLinkPolicy.defaults(), listener);
  }

  /**
   * Starts the link and waits up to the command timeout for it to come up. A switch that is down
   * does not stop the worker: the link keeps trying and {@link #isConnected()} says so.
   */
  public static EslConnection connect(
      EslNodeSettings settings, EslLinkPolicy policy, SwitchEventListener listener) {
    return connect(settings, policy, listener, EslObserver.NONE);
  }

  /** As above, reporting events and command round trips to {@code observer} (metrics). */
  public static EslConnection connect(
      EslNodeSettings settings,
      EslLinkPolicy policy,
      SwitchEventListener listener,
      EslObserver observer) {
    EslConnection connection = new EslConnection(settings, policy, listener, observer);
    connection.supervisor.start();
    try {
      if (!connection.firstLink.await(
          settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "ESL link to node {} at {}:{} not up yet ({}); retrying in the background",
            settings.nodeId(),
            settings.host(),
            settings.port(),
            connection.problem);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return connection;
  }

  /** True while a socket is authenticated, subscribed and has not been declared dead. */
  public boolean isConnected() {
    EslSession session = live;
    return session != null && !session.isDead();
  }

  /** Why the link is not connected (for health checks), or null while it is. */
  public String problem() {
    return isConnected() ? null : problem;
  }

  public EslNodeSettings settings() {
    return settings;
  }

  /** How many times a link has come up; more than one means it was re-established. */
  int linksEstablished() {
    return linksEstablished.get();
  }

  /** Runs {@code api <command> <args>} and returns the reply body. */
  public ApiReply api(String command, String args) {
    EslSession session = session();
    long started = System.nanoTime();
    boolean answered = false;
    try {
      EslMessage reply = session.api(command, args, settings.commandTimeout());
      answered = true;
      return new ApiReply(String.join("\n", reply.getBodyLines()));
    } finally {
      observer.commandCompleted("api", command, System.nanoTime() - started, answered);
    }
  }

  /**
   * Runs {@code bgapi <command> <args>}; returns the Job-UUID its BACKGROUND_JOB event will carry.
   */
  public String bgapi(String command, String args) {
    EslSession session = session();
    long started = System.nanoTime();
    boolean answered = false;
    try {
      String jobUuid = session.bgapi(command, args, settings.commandTimeout());
      answered = true;
      return jobUuid;
    } finally {
      observer.commandCompleted("bgapi", command, System.nanoTime() - started, answered);
    }
  }

  /**
   * Runs {@code task} each time the link comes up (the first time and after every reconnect), on
   * its own thread, so it may send commands over this connection.
   */
  public void whenLinkUp(Runnable task) {
    linkUpTasks.add(task);
    if (isConnected()) {
      runLinkUpTask(task);
    }
  }

  private void runLinkUpTask(Runnable task) {
    Thread.ofVirtual()
        .name("esl-link-up-" + settings.nodeId())
        .start(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                log.warn("a link-up task of node {} failed", settings.nodeId(), e);
              }
            });
  }

  /** How many channels IRISX believes alive on the node (seen created, not yet seen ending). */
  public int channelsUp() {
    return channels.snapshot().size();
  }

  private EslSession session() {
    EslSession session = live;
    if (session == null || session.isDead()) {
      throw new SwitchUnavailableException(
          "ESL link to node " + settings.nodeId() + " is down: " + problem);
    }
    return session;
  }

  @Override
  public void close() {
    closing.countDown();
    EslSession session = live;
    if (session != null) {
      session.shutdown();
    }
    supervisor.interrupt();
    try {
      supervisor.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    commandThreads.shutdownNow();
    dispatcher.close();
  }

  private boolean closed() {
    return closing.getCount() == 0;
  }

  // ---- the supervisor ----------------------------------------------------------------------

  private void supervise() {
    int failures = 0;
    while (!closed()) {
      EslSession session =
          EslSession.open(
              host, settings.port(), settings.password(), commandThreads, this::onSocketEvent);
      String refusal = establish(session);
      if (refusal != null) {
        session.shutdown();
        problem = refusal;
        pause(policy.backoff(failures++));
        continue;
      }
      long upSince = System.nanoTime();
      lastHeartbeatNanos = upSince;
      live = session;
      problem = null;
      boolean reconnect = linksEstablished.incrementAndGet() > 1;
      firstLink.countDown();
      log.info(
          "ESL link to node {} at {}:{} up", settings.nodeId(), settings.host(), settings.port());
      if (reconnect) {
        reconcile(session);
      }
      linkUpTasks.forEach(this::runLinkUpTask);
      String reason = watch(session);
      live = null;
      session.shutdown();
      if (closed()) {
        break;
      }
      problem = reason;
      log.warn("ESL link to node {} lost: {}; reconnecting", settings.nodeId(), reason);
      if (System.nanoTime() - upSince >= policy.maxBackoff().toNanos()) {
        failures = 0;
      }
      pause(policy.backoff(failures++));
    }
  }

  /** Authenticates, proves the switch answers commands, subscribes. Null when all went well. */
  private String establish(EslSession session) {
    Duration timeout = settings.commandTimeout();
    EslSession.Opening opening = session.awaitOpening(timeout);
    if (opening instanceof EslSession.Opening.Refused refused) {
      log.error(
          "ESL node {} at {}:{} refused our password (auth answered '{}'): the link stays down;"
              + " check node.eslPassword against event_socket.conf.xml",
          settings.nodeId(),
          settings.host(),
          settings.port(),
          refused.replyText());
      return "authentication refused (" + refused.replyText() + ")";
    }
    if (opening instanceof EslSession.Opening.Failed failed) {
      log.debug("ESL link to node {} not opened: {}", settings.nodeId(), failed.reason());
      return "cannot reach "
          + settings.host()
          + ":"
          + settings.port()
          + " ("
          + failed.reason()
          + ")";
    }
    try {
      EslMessage status = session.api("status", "", timeout);
      if (!"api/response".equals(status.getContentType()) || status.getBodyLines().isEmpty()) {
        log.error(
            "ESL node {} does not answer 'api status' after auth (got {}): the link stays down",
            settings.nodeId(),
            status.getContentType());
        return "the switch does not run commands after auth";
      }
      if (!session.subscribe(SUBSCRIBED_EVENTS, timeout)) {
        return "the switch refused the event subscription";
      }
      return null;
    } catch (SwitchUnavailableException e) {
      return e.getMessage();
    }
  }

  /** Waits until the session dies or goes silent; returns why it ended. */
  private String watch(EslSession session) {
    Duration tick =
        Duration.ofMillis(Math.max(10, Math.min(1000, policy.heartbeatTimeout().toMillis() / 4)));
    while (!closed()) {
      String death = session.awaitDeath(tick);
      if (death != null) {
        return death;
      }
      long silentNanos = System.nanoTime() - lastHeartbeatNanos;
      if (silentNanos > policy.heartbeatTimeout().toNanos()) {
        String reason = "no HEARTBEAT for " + Duration.ofNanos(silentNanos).toMillis() + " ms";
        session.kill(reason);
        return reason;
      }
    }
    return "closing";
  }

  private void pause(Duration delay) {
    try {
      closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing.countDown();
    }
  }

  // ---- reconciliation ---------------------------------------------------------------------

  /**
   * Asks the switch which of the channels believed alive still exist ({@code show channels}, and
   * {@code uuid_exists} for those it does not list, as the listing can lag) and ends the others
   * with a synthetic CHANNEL_HANGUP_COMPLETE, so their calls end instead of waiting for an event
   * that will never come.
   */
  private void reconcile(EslSession session) {
    Map<String, String> believed = channels.snapshot();
    Set<String> stillAlive = new HashSet<>();
    Set<String> vanished = new HashSet<>();
    if (!believed.isEmpty()) {
      try {
        Set<String> listed = listedChannels(session);
        for (String uuid : believed.keySet()) {
          if (listed.contains(uuid.toLowerCase(Locale.ROOT)) || exists(session, uuid)) {
            stillAlive.add(uuid);
          } else {
            vanished.add(uuid);
          }
        }
      } catch (SwitchUnavailableException e) {
        log.warn(
            "could not reconcile node {} after the reconnect: {}; trying on the next link",
            settings.nodeId(),
            e.getMessage());
        return;
      }
      for (String uuid : vanished) {
        channels
            .forget(uuid)
            .ifPresent(callId -> dispatcher.dispatch(uuid, syntheticHangup(uuid, callId)));
      }
      log.info(
          "ESL node {} reconciled: {} channel(s) believed alive, {} still up, {} vanished and ended with {}",
          settings.nodeId(),
          believed.size(),
          stillAlive.size(),
          vanished.size(),
          RECONCILED_CAUSE);
    }
    try {
      listener.onLinkRestored(new LinkReconciliation(believed, stillAlive, vanished));
    } catch (RuntimeException e) {
      log.warn("listener failed on the reconciliation of node {}", settings.nodeId(), e);
    }
  }

  private Set<String> listedChannels(EslSession session) {
    EslMessage reply = session.api("show", "channels as json", settings.commandTimeout());
    Set<String> uuids = new HashSet<>();
    try {
      JsonNode rows = JSON.readTree(String.join("\n", reply.getBodyLines())).path("rows");
      for (JsonNode row : rows) {
        uuids.add(row.path("uuid").asText("").toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      log.warn("unreadable channel list from node {}; asking per channel", settings.nodeId());
    }
    return uuids;
  }

  private boolean exists(EslSession session, String uuid) {
    EslMessage reply = session.api("uuid_exists", uuid, settings.commandTimeout());
    return reply.getBodyLines().stream().findFirst().orElse("").trim().equals("true");
  }

  private SwitchEvent syntheticHangup(String uuid, String callId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Event-Name", "CHANNEL_HANGUP_COMPLETE");
    if (coreUuid != null) {
      headers.put("Core-UUID", coreUuid);
    }
    headers.put("Event-Date-Timestamp", Long.toString(System.currentTimeMillis() * 1000));
    headers.put("Unique-ID", uuid);
    headers.put("Answer-State", "hangup");
    headers.put("Hangup-Cause", RECONCILED_CAUSE);
    headers.put(SYNTHETIC_HEADER, "reconciled");
    if (!callId.isEmpty()) {
      headers.put("variable_irisx_call_id", callId);
    }
    return new SwitchEvent("CHANNEL_HANGUP_COMPLETE", headers, null);
  }

  // ---- events -----------------------------------------------------------------------------

  /** On the socket's I/O thread, in socket order. */
  private void onSocketEvent(EslEvent raw) {
    SwitchEvent event = toSwitchEvent(raw);
    noteCore(event.header("Core-UUID"));
    if (!seen.firstTime(event)) {
      log.debug(
          "dropped a duplicate {} (sequence {})", event.name(), event.header("Event-Sequence"));
      return;
    }
    observer.eventReceived(event.name());
    if ("HEARTBEAT".equals(event.name())) {
      lastHeartbeatNanos = System.nanoTime();
      return;
    }
    channels.observe(event);
    dispatcher.dispatch(orderingKey(event), event);
  }

  private void noteCore(String core) {
    if (core == null || core.equals(coreUuid)) {
      return;
    }
    if (coreUuid != null) {
      log.warn(
          "FreeSWITCH node {} restarted (Core-UUID {} is now {}): its earlier channels are gone",
          settings.nodeId(),
          coreUuid,
          core);
    }
    coreUuid = core;
  }

  /**
   * A channel's events share a lane. An originate's job result goes to the lane of the channel it
   * made (named by origination_uuid in its arguments), so it is ordered with that channel's events
   * as the socket delivered them; other job results use their Job-UUID.
   */
  static String orderingKey(SwitchEvent event) {
    if ("BACKGROUND_JOB".equals(event.name())) {
      String args = event.header("Job-Command-Arg");
      Matcher matcher = ORIGINATION_UUID.matcher(args == null ? "" : args);
      return matcher.find() ? matcher.group(1) : event.header("Job-UUID");
    }
    return event.header("Unique-ID");
  }

  private static String resolve(String host) {
    // The client matches replies to servers by the socket's numeric address, so it must be given
    // one.
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown ESL host " + host, e);
    }
  }

  /**
   * The event as the client library parsed it. The library has already percent-decoded every header
   * value (EslEvent's plain-body parser); decoding again would turn a value the switch sent as
   * {@code %2541} into {@code A}, so a caller could make a header say what it did not
   * (EslFrameFuzzTest found it).
   */
  static SwitchEvent toSwitchEvent(EslEvent event) {
    Map<String, String> headers = new LinkedHashMap<>(event.getEventHeaders());
    String body = event.hasEventBody() ? String.join("\n", event.getEventBodyLines()) : null;
    return new SwitchEvent(event.getEventName(), headers, body);
  }
}
