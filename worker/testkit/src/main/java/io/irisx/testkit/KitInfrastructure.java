package io.irisx.testkit;

import io.irisx.activities.recording.RecordingStore;
import io.irisx.activities.recording.S3Settings;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * PostgreSQL (embedded, schema applied), Redis (embedded) and S3 (S3Proxy on a temporary directory,
 * for the recordings a flow makes) shared by every kit in a JVM: starting them takes seconds, a kit
 * takes milliseconds. Each kit works in its own tenant and its own Redis database, so kits that run
 * one after another never see each other's rows or nodes; recordings are keyed by tenant and id, so
 * they never collide either.
 */
final class KitInfrastructure {
  static final String BUCKET = "irisx-testkit-recordings";
  private static final String S3_ACCESS_KEY = "testkit";
  private static final String S3_SECRET_KEY = "testkit-secret-0123456789";
  private static @Nullable KitInfrastructure shared;

  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final int redisPort;
  private final Jdbi jdbi;
  private final S3Proxy s3;
  private final S3Client s3Client;
  private final RecordingStore recordings;
  private final Path recordingsDirectory;

  private KitInfrastructure(
      EmbeddedPostgres postgres,
      RedisServer redis,
      int redisPort,
      S3Proxy s3,
      int s3Port,
      Path recordingsDirectory) {
    this.postgres = postgres;
    this.redis = redis;
    this.redisPort = redisPort;
    this.s3 = s3;
    this.recordingsDirectory = recordingsDirectory;
    S3Settings settings = s3Settings(s3Port);
    this.s3Client = settings.client();
    this.recordings = new RecordingStore(s3Client, settings);
    Migrations.apply(postgres.getPostgresDatabase());
    this.jdbi = Jdbis.create(postgres.getPostgresDatabase());
  }

  // A false positive: activities is not yet checked by NullAway and S3Settings does not say yet
  // that
  // the KMS key and the multipart sizes are optional (null: no KMS key, the default sizes).
  @SuppressWarnings("NullAway")
  private static S3Settings s3Settings(int s3Port) {
    // S3Proxy refuses any server-side-encryption header (501): "none" here.
    return new S3Settings(
        "http://127.0.0.1:" + s3Port,
        "us-east-1",
        BUCKET,
        true,
        S3_ACCESS_KEY,
        S3_SECRET_KEY,
        "none",
        null,
        null,
        null);
  }

  static synchronized KitInfrastructure shared() {
    KitInfrastructure infrastructure = shared;
    if (infrastructure == null) {
      infrastructure = start();
      shared = infrastructure;
      Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "irisx-testkit-stop"));
    }
    return infrastructure;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /** The S3 bucket on S3Proxy that recordings upload to. */
  RecordingStore recordings() {
    return recordings;
  }

  /**
   * Where the simulated switch writes a node's recordings (the switch and the worker share a disk).
   */
  Path recordingsDirectory(String nodeId) {
    return recordingsDirectory.resolve(nodeId);
  }

  String redisAddress() {
    return "redis://127.0.0.1:" + redisPort;
  }

  private static KitInfrastructure start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      int port = freePort();
      RedisServer redis =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .onShutdownForceStop(true)
              .build();
      redis.start();
      Path scratch = Files.createTempDirectory("irisx-testkit-");
      int s3Port = freePort();
      return new KitInfrastructure(
          postgres,
          redis,
          port,
          startS3(scratch.resolve("s3"), s3Port),
          s3Port,
          scratch.resolve("recordings"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test kit's PostgreSQL, Redis and S3", e);
    }
  }

  private static S3Proxy startS3(Path directory, int port) throws IOException {
    // The filesystem store keeps each bucket as a directory under its base directory.
    Files.createDirectories(directory.resolve(BUCKET));
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toString());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("filesystem", properties))
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
            .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy did not start within 20 s: " + proxy.getState());
        }
        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
      }
      return proxy;
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("could not start S3Proxy", e);
    }
  }

  private void stop() {
    try {
      s3Client.close();
      s3.stop();
      redis.stop();
      postgres.close();
    } catch (Exception e) {
      // The JVM is exiting; the embedded processes die with it.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
