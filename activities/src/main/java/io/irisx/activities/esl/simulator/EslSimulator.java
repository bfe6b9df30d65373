package io.irisx.activities.esl.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that speaks FreeSWITCH's inbound Event Socket protocol byte for byte, with
 * simulated outbound calls whose far end is scripted by the dialled number (see
 * {@link FarEndBehaviour}). Meant for tests and local development in place of a real switch.
 */
public final class EslSimulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EslSimulator.class);

  private final SimulatorOptions options;
  private final ServerSocket server;
  private final SimulatedSwitch core;
  private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
  private final List<String> receivedCommands = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private EslSimulator(SimulatorOptions options, ServerSocket server) {
    this.options = options;
    this.server = server;
    SwitchIdentity identity =
        new SwitchIdentity(UUID.randomUUID().toString(), "irisx-esl-sim", "127.0.0.1", "::1", Instant.now());
    this.core = new SimulatedSwitch(options, identity);
  }

  public static EslSimulator start(SimulatorOptions options) {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()));
      EslSimulator simulator = new EslSimulator(options, server);
      Thread.ofPlatform().daemon().name("esl-sim-accept-" + server.getLocalPort()).start(simulator::acceptLoop);
      log.info("ESL simulator listening on {}:{}", options.host(), server.getLocalPort());
      return simulator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(), e);
    }
  }

  public String host() {
    return options.host();
  }

  /** The bound port, which differs from the configured one when that was 0. */
  public int port() {
    return server.getLocalPort();
  }

  public String coreUuid() {
    return core.identity().coreUuid();
  }

  /** Every command line received so far, in arrival order, with auth passwords masked. */
  public List<String> receivedCommands() {
    return List.copyOf(receivedCommands);
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
    dropConnections();
    core.close();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        ClientConnection[] holder = new ClientConnection[1];
        holder[0] = new ClientConnection(socket, core, receivedCommands::add, () -> connections.remove(holder[0]));
        connections.add(holder[0]);
        holder[0].start();
      } catch (IOException e) {
        if (!closed) {
          log.warn("ESL simulator accept failed: {}", e.toString());
        }
      }
    }
  }
}
