package io.irisx.worker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * Redis from the embedded binary, on 127.0.0.1, persisting to an append-only file in a directory.
 */
final class LocalRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private LocalRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static LocalRedis start(int port, Path directory) {
    LocalPorts.requireFree(port, "Redis");
    try {
      Files.createDirectories(directory);
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind(LocalPorts.HOST)
              .setting("dir " + directory.toAbsolutePath())
              .setting("appendonly yes")
              .setting("save \"\"")
              .onShutdownForceStop(true)
              .build();
      server.start();
      LocalPorts.awaitListening(port, java.time.Duration.ofSeconds(20), "Redis");
      return new LocalRedis(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded Redis", e);
    }
  }

  String address() {
    return "redis://" + LocalPorts.HOST + ":" + port;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
