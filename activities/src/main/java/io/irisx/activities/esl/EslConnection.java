package io.irisx.activities.esl;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import link.thingscloud.freeswitch.esl.IEslEventListener;
import link.thingscloud.freeswitch.esl.InboundClient;
import link.thingscloud.freeswitch.esl.ServerConnectionListener;
import link.thingscloud.freeswitch.esl.inbound.NettyInboundClient;
import link.thingscloud.freeswitch.esl.inbound.option.ConnectState;
import link.thingscloud.freeswitch.esl.inbound.option.InboundClientOption;
import link.thingscloud.freeswitch.esl.inbound.option.ServerOption;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's inbound event-socket link to its FreeSWITCH node, on the freeswitch-esl client.
 * The client reconnects by itself (re-authenticating and re-subscribing); this class adds what the
 * library lacks: a deadline on every command, per-channel ordered event delivery off the I/O
 * thread, and header decoding that keeps a {@code +} a plus sign.
 */
public final class EslConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EslConnection.class);

  /** What the call workflows react to, plus the job results that carry originate outcomes. */
  static final String SUBSCRIBED_EVENTS =
      "BACKGROUND_JOB CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER"
          + " CHANNEL_BRIDGE CHANNEL_UNBRIDGE CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_HANGUP"
          + " CHANNEL_HANGUP_COMPLETE PLAYBACK_START PLAYBACK_STOP DTMF RECORD_START RECORD_STOP";

  private static final int DISPATCH_LANES = 8;
  private static final int RECONNECT_DELAY_SECONDS = 1;

  private final EslNodeSettings settings;
  private final InboundClient client;
  private final ServerOption server;
  private final String address;
  private final OrderedDispatcher dispatcher;
  private final ExecutorService commandThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch firstAuth = new CountDownLatch(1);

  private EslConnection(EslNodeSettings settings, SwitchEventListener listener) {
    this.settings = settings;
    this.dispatcher = new OrderedDispatcher("esl-events-" + settings.nodeId(), DISPATCH_LANES, listener);
    this.server =
        new ServerOption(resolve(settings.host()), settings.port())
            .password(settings.password())
            .timeoutSeconds(RECONNECT_DELAY_SECONDS);
    this.address = server.addr();
    InboundClientOption option =
        new InboundClientOption()
            .defaultPassword(settings.password())
            .defaultTimeoutSeconds(RECONNECT_DELAY_SECONDS)
            .workerGroupThread(1)
            // Events are decoded on the I/O thread, in socket order, and queued to our lanes at once.
            .disablePublicExecutor(true)
            .addServerOption(server)
            .addEvents(SUBSCRIBED_EVENTS.split(" "))
            .addListener(new EventRelay())
            .serverConnectionListener(new LinkLogger());
    this.client = new NettyInboundClient(option);
  }

  /**
   * Connects and waits up to the command timeout for the first authentication. A switch that is
   * down does not stop the worker: the link keeps retrying and {@link #isConnected()} says so.
   */
  public static EslConnection connect(EslNodeSettings settings, SwitchEventListener listener) {
    EslConnection connection = new EslConnection(settings, listener);
    connection.client.start();
    try {
      if (!connection.firstAuth.await(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("ESL {} not authenticated yet; retrying in the background", connection.address);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return connection;
  }

  public boolean isConnected() {
    return server.state() == ConnectState.AUTHED;
  }

  public EslNodeSettings settings() {
    return settings;
  }

  /** Runs {@code api <command> <args>} and returns the reply body. */
  public ApiReply api(String command, String args) {
    EslMessage reply = withDeadline("api " + command, () -> client.sendSyncApiCommand(address, command, args));
    return new ApiReply(String.join("\n", reply.getBodyLines()));
  }

  /** Runs {@code bgapi <command> <args>}; returns the Job-UUID its BACKGROUND_JOB event will carry. */
  public String bgapi(String command, String args) {
    return withDeadline("bgapi " + command, () -> client.sendAsyncApiCommand(address, command, args));
  }

  private <T> T withDeadline(String what, java.util.concurrent.Callable<T> command) {
    if (!isConnected()) {
      throw new SwitchUnavailableException("ESL link to node " + settings.nodeId() + " is down");
    }
    Future<T> future = commandThreads.submit(command);
    Duration timeout = settings.commandTimeout();
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new SwitchUnavailableException(what + " got no reply within " + timeout);
    } catch (ExecutionException e) {
      throw new SwitchUnavailableException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SwitchUnavailableException(what + " interrupted", e);
    }
  }

  @Override
  public void close() {
    client.shutdown();
    commandThreads.shutdownNow();
    dispatcher.close();
  }

  private static String resolve(String host) {
    // The client matches replies to servers by the socket's numeric address, so it must be given one.
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown ESL host " + host, e);
    }
  }

  static SwitchEvent toSwitchEvent(EslEvent event) {
    Map<String, String> headers = new LinkedHashMap<>();
    event.getEventHeaders().forEach((name, value) -> headers.put(name, decode(value)));
    String body = event.hasEventBody() ? String.join("\n", event.getEventBodyLines()) : null;
    return new SwitchEvent(event.getEventName(), headers, body);
  }

  /** Percent-decoding only: FreeSWITCH writes a literal plus as %2B, so '+' is never a space. */
  static String decode(String value) {
    if (value == null || value.indexOf('%') < 0) {
      return value;
    }
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }

  private final class EventRelay implements IEslEventListener {
    @Override
    public void eventReceived(String addr, EslEvent event) {
      SwitchEvent switchEvent = toSwitchEvent(event);
      dispatcher.dispatch(switchEvent.header("Unique-ID"), switchEvent);
    }

    @Override
    public void backgroundJobResultReceived(String addr, EslEvent event) {
      SwitchEvent switchEvent = toSwitchEvent(event);
      dispatcher.dispatch(switchEvent.header("Job-UUID"), switchEvent);
    }
  }

  private final class LinkLogger implements ServerConnectionListener {
    @Override
    public void onOpened(ServerOption option) {
      log.info("ESL link to node {} at {} open", settings.nodeId(), option.addr());
      awaitAuthentication();
    }

    @Override
    public void onClosed(ServerOption option) {
      log.warn("ESL link to node {} at {} closed; reconnecting", settings.nodeId(), option.addr());
    }
  }

  /** The client authenticates after the channel opens; note the first success for {@link #connect}. */
  private void awaitAuthentication() {
    Thread.ofVirtual()
        .start(
            () -> {
              long deadline = System.nanoTime() + settings.commandTimeout().toNanos();
              while (System.nanoTime() < deadline && server.state() != ConnectState.AUTHED) {
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
              if (server.state() == ConnectState.AUTHED) {
                firstAuth.countDown();
              }
            });
  }
}
