package io.irisx.api.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/** An embedded Redis on a free port for one test class; {@link #unused()} names a dead address. */
final class TestRedis implements BeforeAllCallback, AfterAllCallback {
  private final int port = freePort();
  private RedisServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .onShutdownForceStop(true)
            .build();
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (server != null) {
      server.stop();
    }
  }

  /** Stops the server mid-test: Redis down. */
  void stop() throws IOException {
    server.stop();
  }

  String address() {
    return "redis://127.0.0.1:" + port;
  }

  /** An address where nothing listens: Redis down. */
  static String unused() {
    return "redis://127.0.0.1:" + freePort();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
