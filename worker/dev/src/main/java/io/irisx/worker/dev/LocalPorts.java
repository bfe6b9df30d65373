package io.irisx.worker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Ports on 127.0.0.1: finding a free one, and waiting for a server to listen on one. */
final class LocalPorts {
  static final String HOST = "127.0.0.1";

  private LocalPorts() {}

  /** The port itself, or a free port when it is 0. */
  static int resolve(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          what + " cannot listen on " + HOST + ":" + port + " (in use?): " + e.getMessage(), e);
    }
  }

  static void awaitListening(int port, Duration timeout, String what) {
    awaitListening(HOST, port, timeout, what);
  }

  static void awaitListening(String host, int port, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for " + what, e);
        }
      }
    }
    throw new IllegalStateException(
        what + " did not listen on " + host + ":" + port + " within " + timeout);
  }
}
