package io.irisx.activities.recording;

import io.irisx.activities.esl.CallControlActivitiesImpl;
import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslNodeSettings;
import io.irisx.activities.esl.SwitchEvent;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import io.irisx.db.CallDao;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.irisx.db.RecordingDao;
import io.irisx.db.RecordingRow;
import io.irisx.db.TenantDao;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.S3Proxy;
import org.jdbi.v3.core.Jdbi;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Everything a recording touches, real and local: PostgreSQL (embedded), S3 (S3Proxy on a
 * filesystem store, restartable on the same port to play an outage) and FreeSWITCH (the ESL
 * simulator over TCP with the real ESL client).
 */
final class RecordingTestBed implements AutoCloseable {
  static final String BUCKET = "recordings-test";
  static final String ACCESS_KEY = "test-access";
  static final String SECRET_KEY = "test-secret-0123456789";

  final EmbeddedPostgres postgres;
  final Jdbi jdbi;
  final Path s3Directory;
  final Path recordingsDirectory;
  final int s3Port;
  final EslSimulator simulator;
  final EslConnection esl;
  final EslCommandBuilder commands;
  final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
  final S3Settings s3Settings;
  final S3Client s3;
  final RecordingStore store;
  private S3Proxy proxy;

  RecordingTestBed() throws Exception {
    postgres = EmbeddedPostgres.start();
    Migrations.apply(postgres.getPostgresDatabase());
    jdbi = Jdbis.create(postgres.getPostgresDatabase());
    s3Directory = Files.createTempDirectory("irisx-s3-");
    recordingsDirectory = Files.createTempDirectory("irisx-recordings-").resolve("node-test");
    Files.createDirectories(s3Directory.resolve(BUCKET));
    s3Port = freePort();
    startS3();
    simulator = EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("s3cret"));
    EslNodeSettings settings =
        new EslNodeSettings(
            "node-test",
            simulator.host(),
            simulator.port(),
            "s3cret",
            "sofia/gateway/irisx/{to}",
            Duration.ofSeconds(3));
    esl = EslConnection.connect(settings, events::add);
    commands = new EslCommandBuilder(settings);
    s3Settings = s3Settings(null);
    s3 = s3Settings.client();
    store = new RecordingStore(s3, s3Settings);
  }

  /** S3Proxy answers 501 NotImplemented to any server-side-encryption header: "none" here. */
  S3Settings s3Settings(Long multipartThreshold) {
    return s3Settings(multipartThreshold, "none");
  }

  S3Settings s3Settings(Long multipartThreshold, String serverSideEncryption) {
    return new S3Settings(
        "http://127.0.0.1:" + s3Port,
        "us-east-1",
        BUCKET,
        true,
        ACCESS_KEY,
        SECRET_KEY,
        serverSideEncryption,
        null,
        multipartThreshold,
        null);
  }

  RecordingActivitiesImpl recordingActivities(RecordingStore store) {
    return new RecordingActivitiesImpl(
        esl, commands, recordingsDirectory, store, Clock.systemUTC());
  }

  CallControlActivitiesImpl callControl() {
    return new CallControlActivitiesImpl(esl, commands);
  }

  void startS3() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", s3Directory.toString());
    proxy =
        S3Proxy.builder()
            .blobStore(org.gaul.s3proxy.BlobStores.create("filesystem", properties))
            .endpoint(URI.create("http://127.0.0.1:" + s3Port))
            .awsAuthentication(
                org.gaul.s3proxy.auth.AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> proxy.getState().equals("STARTED"));
  }

  void stopS3() throws Exception {
    proxy.stop();
  }

  /** A tenant with one call: the rows a recording's row refers to. */
  record Call(UUID tenantId, UUID callId) {}

  Call newCall() {
    UUID tenant = UUID.randomUUID();
    UUID call = UUID.randomUUID();
    jdbi.onDemand(TenantDao.class).insert(tenant, "tenant " + tenant);
    jdbi.onDemand(CallDao.class)
        .insertQueued(call, tenant, "+15550100", "+15550111", "hello", Instant.now());
    return new Call(tenant, call);
  }

  RecordingRow row(String recordingId) {
    return jdbi.onDemand(RecordingDao.class).findAny(UUID.fromString(recordingId)).orElseThrow();
  }

  byte[] object(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  SwitchEvent awaitEvent(String name, String channelUuid) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                events.stream()
                    .filter(e -> name.equals(e.name()) && channelUuid.equals(e.header("Unique-ID")))
                    .findFirst()
                    .orElse(null),
            java.util.Objects::nonNull);
  }

  long count(String eventName, String channelUuid) {
    return events.stream()
        .filter(e -> eventName.equals(e.name()) && channelUuid.equals(e.header("Unique-ID")))
        .count();
  }

  @Override
  public void close() throws Exception {
    s3.close();
    esl.close();
    simulator.close();
    proxy.stop();
    postgres.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
