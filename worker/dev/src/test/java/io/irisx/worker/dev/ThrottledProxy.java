package io.irisx.worker.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of one upstream whose client-to-upstream direction can be held
 * to a slow rate, so a test can catch a request mid-body (an upload half sent when the worker
 * dies). It counts the bytes it forwarded upstream.
 */
final class ThrottledProxy implements AutoCloseable {
  private static final int CHUNK = 1024;

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final AtomicLong bytesUp = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile long bytesPerSecond;

  private ThrottledProxy(ServerSocket server, InetSocketAddress upstream, long bytesPerSecond) {
    this.server = server;
    this.upstream = upstream;
    this.bytesPerSecond = bytesPerSecond;
  }

  static ThrottledProxy start(String upstreamHost, int upstreamPort, long bytesPerSecond)
      throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    ThrottledProxy proxy =
        new ThrottledProxy(
            server, new InetSocketAddress(upstreamHost, upstreamPort), bytesPerSecond);
    Thread.ofVirtual().name("throttled-proxy-accept").start(proxy::accept);
    return proxy;
  }

  int port() {
    return server.getLocalPort();
  }

  long bytesUp() {
    return bytesUp.get();
  }

  /** Lifts the limit: from now on bytes go through at full speed. */
  void unthrottle() {
    bytesPerSecond = 0;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket();
        target.connect(upstream, 5_000);
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
        out.write(buffer, 0, read);
        out.flush();
        if (upward) {
          bytesUp.addAndGet(read);
          long rate = bytesPerSecond;
          if (rate > 0) {
            // Pacing the copy is the point of this class (a slow link), not waiting for a
            // condition.
            Thread.sleep(Math.max(1, read * 1000L / rate));
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // one side closed; close both below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(ThrottledProxy::closeQuietly);
  }
}
