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
  private final Path pidFile;

  private LocalRedis(RedisServer server, int port, Path pidFile) {
    this.server = server;
    this.port = port;
    this.pidFile = pidFile;
  }

  /**
   * @param pidFile where Redis writes its pid: it is a process of its own and outlives this JVM if
   *     that is killed (see {@link LeftoverProcesses})
   */
  static LocalRedis start(int port, Path directory, Path pidFile) {
    LocalPorts.requireFree(port, "Redis");
    try {
      Files.createDirectories(directory);
      Files.createDirectories(pidFile.getParent());
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind(LocalPorts.HOST)
              .setting("dir " + directory.toAbsolutePath())
              .setting("appendonly yes")
              .setting("save \"\"")
              .setting("pidfile " + pidFile.toAbsolutePath())
              .onShutdownForceStop(true)
              .build();
      server.start();
      LocalPorts.awaitListening(port, java.time.Duration.ofSeconds(20), "Redis");
      return new LocalRedis(server, port, pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded Redis", e);
    }
  }

  /** SIGKILL, as when the machine loses power. */
  void killHard() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid).ifPresent(LocalProcesses::killTree);
    } catch (IOException e) {
      throw new UncheckedIOException("no Redis pid file " + pidFile, e);
    }
  }

  String address() {
    return "redis://" + LocalPorts.HOST + ":" + port;
  }

  @Override
  public void close() {
    try {
      server.stop();
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
