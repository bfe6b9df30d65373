package io.irisx.activities.esl;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import link.thingscloud.freeswitch.esl.IEslEventListener;
import link.thingscloud.freeswitch.esl.inbound.NettyInboundClient;
import link.thingscloud.freeswitch.esl.inbound.handler.InboundChannelHandler;
import link.thingscloud.freeswitch.esl.inbound.option.ConnectState;
import link.thingscloud.freeswitch.esl.inbound.option.InboundClientOption;
import link.thingscloud.freeswitch.esl.inbound.option.ServerOption;
import link.thingscloud.freeswitch.esl.transport.CommandResponse;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslHeaders;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket to the switch: one connection attempt on its own freeswitch-esl client, used until it
 * dies and then thrown away. The client's own reconnecting is switched off (the {@link
 * EslConnection} supervisor decides when to try again), authentication is done here so a refused
 * password is seen as refused (the library would call the link authenticated), and a command that
 * outlives its deadline kills the socket: the library pairs replies with commands purely in order
 * and never gives up waiting, so on a socket where one reply went missing every later reply would
 * be handed to the wrong command.
 */
final class EslSession {
  private static final Logger log = LoggerFactory.getLogger(EslSession.class);

  /** Far enough away that the library's own reconnect timer never fires. */
  private static final int NEVER_SECONDS = Integer.MAX_VALUE / 2;

  /** How an attempt to open the link ended. */
  sealed interface Opening {
    record Authenticated() implements Opening {}

    record Refused(String replyText) implements Opening {}

    record Failed(String reason) implements Opening {}
  }

  /** The client's key for the server: {@code host:port}, as it names the socket's remote end. */
  private final String address;

  private final String password;
  private final ServerOption server;
  private final LinkClient client;
  private final ExecutorService commandThreads;
  private final CompletableFuture<Opening> opening = new CompletableFuture<>();
  private final CompletableFuture<String> death = new CompletableFuture<>();
  private final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean shutDown = new AtomicBoolean();

  private EslSession(
      String address,
      int port,
      String password,
      ExecutorService commandThreads,
      Consumer<EslEvent> events) {
    this.password = password;
    this.commandThreads = commandThreads;
    this.server = new ServerOption(address, port).password(password).timeoutSeconds(NEVER_SECONDS);
    this.address = server.addr();
    InboundClientOption option =
        new InboundClientOption()
            .defaultPassword(password)
            .defaultTimeoutSeconds(NEVER_SECONDS)
            .workerGroupThread(1)
            .publicExecutorThread(1)
            .privateExecutorThread(1)
            // Liveness is the HEARTBEAT watchdog's job, not the library's idle probe and read
            // timeout.
            .readerIdleTimeSeconds(0)
            .readTimeoutSeconds(0)
            // Events are decoded on the I/O thread, in socket order, and handed on at once.
            .disablePublicExecutor(true)
            .addServerOption(server)
            .addListener(new EventRelay(events));
    this.client = new LinkClient(option);
  }

  /** Starts connecting; {@link #awaitOpening} says how it went. */
  static EslSession open(
      String address,
      int port,
      String password,
      ExecutorService commandThreads,
      Consumer<EslEvent> events) {
    EslSession session = new EslSession(address, port, password, commandThreads, events);
    session.client.start();
    return session;
  }

  /** Waits for the switch to accept or refuse the password, or for the attempt to fail. */
  Opening awaitOpening(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (server.state() == ConnectState.FAILED) {
        return new Opening.Failed("cannot connect");
      }
      if (death.isDone() && !opening.isDone()) {
        return new Opening.Failed("the socket closed before authentication: " + death.getNow(""));
      }
      try {
        return opening.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // keep waiting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Opening.Failed("interrupted");
      } catch (ExecutionException e) {
        return new Opening.Failed(String.valueOf(e.getCause()));
      }
    }
    return new Opening.Failed("no authentication within " + timeout);
  }

  /** {@code api <command> <args>} with a deadline; past it the socket is killed. */
  EslMessage api(String command, String args, Duration timeout) {
    return withDeadline(
        "api " + command, timeout, () -> client.sendSyncApiCommand(address, command, args));
  }

  /** {@code bgapi <command> <args>}; returns the Job-UUID. */
  String bgapi(String command, String args, Duration timeout) {
    return withDeadline(
        "bgapi " + command, timeout, () -> client.sendAsyncApiCommand(address, command, args));
  }

  /** {@code event plain <names>}; true when the switch accepted the subscription. */
  boolean subscribe(String events, Duration timeout) {
    CommandResponse reply =
        withDeadline(
            "event plain", timeout, () -> client.setEventSubscriptions(address, "plain", events));
    return reply.isOk();
  }

  private <T> T withDeadline(
      String what, Duration timeout, java.util.concurrent.Callable<T> command) {
    if (death.isDone()) {
      throw new SwitchUnavailableException(what + ": the link is down (" + death.getNow("") + ")");
    }
    Future<T> future = commandThreads.submit(command);
    inFlight.add(future);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      kill(
          what
              + " got no reply within "
              + timeout
              + "; later replies on this socket could be paired with the wrong command");
      throw new SwitchUnavailableException(what + " got no reply within " + timeout);
    } catch (CancellationException e) {
      throw new SwitchUnavailableException(
          what + ": the link went down (" + death.getNow("") + ")");
    } catch (ExecutionException e) {
      throw new SwitchUnavailableException(
          what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new SwitchUnavailableException(what + " interrupted", e);
    } finally {
      inFlight.remove(future);
    }
  }

  boolean isDead() {
    return death.isDone();
  }

  /** Waits up to {@code timeout} for the socket to die; the reason, or null while it lives. */
  String awaitDeath(Duration timeout) {
    try {
      return death.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      return String.valueOf(e.getCause());
    }
  }

  /**
   * Declares the socket dead for {@code reason}, fails the commands waiting on it and closes it.
   */
  void kill(String reason) {
    if (death.complete(reason)) {
      log.warn("ESL socket to {} torn down: {}", address, reason);
    }
    shutdown();
  }

  /** Closes the socket and every thread the library started for it. Idempotent. */
  void shutdown() {
    death.complete("shut down");
    opening.complete(new Opening.Failed("shut down"));
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    List.copyOf(inFlight).forEach(command -> command.cancel(true));
    try {
      client.shutdown();
    } catch (RuntimeException e) {
      log.debug("closing the ESL client for {} failed: {}", address, e.toString());
    }
    stopLibraryThreads();
  }

  /**
   * The library never stops its executors, and a reply it waits for that never comes parks one of
   * their threads for good; with one client per attempt that would leak threads on every reconnect.
   */
  private void stopLibraryThreads() {
    for (Class<?> type = client.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        boolean executor = ExecutorService.class.isAssignableFrom(field.getType());
        boolean eventLoop = io.netty.channel.EventLoopGroup.class.isAssignableFrom(field.getType());
        if (!executor && !eventLoop) {
          continue;
        }
        try {
          field.setAccessible(true);
          Object value = field.get(client);
          if (value instanceof io.netty.channel.EventLoopGroup group) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
          } else if (value instanceof ExecutorService service) {
            service.shutdownNow();
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          log.debug("could not stop {} of the ESL client: {}", field.getName(), e.toString());
        }
      }
    }
  }

  private final class LinkClient extends NettyInboundClient {
    LinkClient(InboundClientOption option) {
      super(option);
    }

    /** Authenticates and reads the verdict, which the library ignores. Runs on a library thread. */
    @Override
    public void handleAuthRequest(String addr, InboundChannelHandler handler) {
      try {
        EslMessage reply = handler.sendSyncSingleLineCommand("auth " + password);
        String text = reply.getHeaderValue(EslHeaders.Name.REPLY_TEXT);
        if (text != null && text.startsWith("+OK")) {
          server.state(ConnectState.AUTHED);
          opening.complete(new Opening.Authenticated());
        } else {
          server.state(ConnectState.AUTHED_FAILED);
          // The switch closes the socket itself; the supervisor logs the refusal and shuts this
          // down.
          opening.complete(new Opening.Refused(text == null ? reply.getContentType() : text));
        }
      } catch (RuntimeException e) {
        opening.complete(new Opening.Failed("authentication failed: " + e));
      }
    }

    /** The library would schedule a reconnect here; the supervisor does that instead. */
    @Override
    public void onChannelClosed(String addr) {
      server.state(ConnectState.SHUTDOWN);
      super.onChannelClosed(addr);
      death.complete("the socket closed");
    }
  }

  private static final class EventRelay implements IEslEventListener {
    private final Consumer<EslEvent> events;

    EventRelay(Consumer<EslEvent> events) {
      this.events = events;
    }

    @Override
    public void eventReceived(String addr, EslEvent event) {
      events.accept(event);
    }

    @Override
    public void backgroundJobResultReceived(String addr, EslEvent event) {
      events.accept(event);
    }
  }
}
