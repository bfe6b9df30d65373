package io.irisx.api.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A TCP proxy on 127.0.0.1 in front of a gRPC server, for starts whose answer is lost: it can hold
 * what the client sends (the request waits in the proxy) or what the server answers (the request
 * arrived, its answer does not), let it all through later, or cut every connection, losing what it
 * held. The upstream port is asked for at each connection, so the proxy can exist before its
 * server.
 */
final class StallingProxy implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;

  private final ServerSocket server;
  private final IntSupplier upstreamPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private boolean holdRequests;
  private boolean holdReplies;

  /** What ends the hold, timed from the first held chunk; null: the test does. */
  private Runnable endOfHold;

  private Duration holdLength = Duration.ZERO;

  private StallingProxy(ServerSocket server, IntSupplier upstreamPort) {
    this.server = server;
    this.upstreamPort = upstreamPort;
  }

  static StallingProxy start(IntSupplier upstreamPort) {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      StallingProxy proxy = new StallingProxy(server, upstreamPort);
      Thread.ofVirtual().name("stalling-proxy-accept").start(proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("could not open the proxy's port", e);
    }
  }

  String target() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** From now on the client's bytes wait in the proxy. */
  void holdRequests() {
    synchronized (gate) {
      holdRequests = true;
    }
  }

  /**
   * The client's bytes wait in the proxy; {@code length} after the first of them arrived, every
   * connection is cut, losing them. Timed from the request, not from the test, so a slow machine
   * does not cut before the client gave up.
   */
  void holdRequestsThenCut(Duration length) {
    synchronized (gate) {
      holdRequests = true;
      holdLength = length;
      endOfHold = this::cutAndRelease;
    }
  }

  /** From now on the server's bytes wait in the proxy. */
  void holdReplies() {
    synchronized (gate) {
      holdReplies = true;
    }
  }

  /** The server's bytes wait in the proxy, and go {@code length} after the first of them came. */
  void holdRepliesThenRelease(Duration length) {
    synchronized (gate) {
      holdReplies = true;
      holdLength = length;
      endOfHold = this::release;
    }
  }

  /** Lets everything held, and everything after, through. */
  void release() {
    synchronized (gate) {
      holdRequests = false;
      holdReplies = false;
      endOfHold = null;
      gate.notifyAll();
    }
  }

  /** Closes every connection, losing what was held; new connections go straight through. */
  void cutAndRelease() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    sockets.clear();
    release();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket();
        target.connect(new InetSocketAddress("127.0.0.1", upstreamPort.getAsInt()), 5_000);
        sockets.add(client);
        sockets.add(target);
        Thread.ofVirtual().start(() -> pump(client, target, true));
        Thread.ofVirtual().start(() -> pump(target, client, false));
      } catch (IOException e) {
        // closed, or the upstream refused: the client sees its connection dropped
      }
    }
  }

  private void pump(Socket from, Socket to, boolean upward) {
    byte[] buffer = new byte[CHUNK];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        awaitPassage(upward);
        if (from.isClosed() || to.isClosed()) {
          return; // cut while held: what was held is lost
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // one side closed or cut: the other follows
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void awaitPassage(boolean upward) throws InterruptedException {
    synchronized (gate) {
      if ((upward ? holdRequests : holdReplies) && endOfHold != null) {
        timer.schedule(endOfHold, holdLength.toMillis(), TimeUnit.MILLISECONDS);
        endOfHold = null;
      }
      while (upward ? holdRequests : holdReplies) {
        gate.wait();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    timer.shutdownNow();
    cutAndRelease();
  }
}
