package io.irisx.testkit;

import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.jdbi.v3.core.Jdbi;
import redis.embedded.RedisServer;

/**
 * PostgreSQL (embedded, schema applied) and Redis (embedded) shared by every kit in a JVM: starting
 * them takes seconds, a kit takes milliseconds. Each kit works in its own tenant and its own Redis
 * database, so kits that run one after another never see each other's rows or nodes.
 */
final class KitInfrastructure {
  private static KitInfrastructure shared;

  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final int redisPort;
  private final Jdbi jdbi;

  private KitInfrastructure(EmbeddedPostgres postgres, RedisServer redis, int redisPort) {
    this.postgres = postgres;
    this.redis = redis;
    this.redisPort = redisPort;
    Migrations.apply(postgres.getPostgresDatabase());
    this.jdbi = Jdbis.create(postgres.getPostgresDatabase());
  }

  static synchronized KitInfrastructure shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "irisx-testkit-stop"));
    }
    return shared;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  String redisAddress() {
    return "redis://127.0.0.1:" + redisPort;
  }

  private static KitInfrastructure start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      int port = freePort();
      RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
          .setting("save \"\"").setting("appendonly no").onShutdownForceStop(true).build();
      redis.start();
      return new KitInfrastructure(postgres, redis, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test kit's PostgreSQL and Redis", e);
    }
  }

  private void stop() {
    try {
      redis.stop();
      postgres.close();
    } catch (IOException e) {
      // The JVM is exiting; the embedded processes die with it.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
