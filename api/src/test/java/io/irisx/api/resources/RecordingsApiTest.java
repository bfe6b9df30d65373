package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.RecordingDao;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A call's recordings through the API: metadata, a presigned URL that downloads it, deletion. */
class RecordingsApiTest {
  private static final String BUCKET = "recordings-test";
  private static final int S3_PORT = freePort();
  private static final S3Proxy S3_PROXY = startS3();

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(ConfigOverride.config("recordings.s3.endpoint", "http://127.0.0.1:" + S3_PORT));

  private static final S3Client S3 =
      S3Client.builder()
          .endpointOverride(URI.create("http://127.0.0.1:" + S3_PORT))
          .region(Region.US_EAST_1)
          .forcePathStyle(true)
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create("test-access", "test-secret-0123456789")))
          .build();

  @AfterAll
  static void stopS3() throws Exception {
    S3.close();
    S3_PROXY.stop();
  }

  /**
   * A call of the owner's (through the API) with one available recording (straight into the table).
   */
  static UUID availableRecording(ApiTestStack stack, ProvisionedTenant owner, ApiClient api) {
    String callId =
        api.startCall(owner.apiKey(), "+15550100", "+15550111", "hello").body().path("id").asText();
    UUID recordingId = UUID.randomUUID();
    String key = owner.tenantId() + "/2026/11/24/" + callId + "/" + recordingId + ".wav";
    RecordingDao recordings = stack.jdbi().onDemand(RecordingDao.class);
    recordings.insertStarted(recordingId, owner.tenantId(), UUID.fromString(callId), Instant.now());
    recordings.markAvailable(recordingId, BUCKET, key, 48, "0".repeat(64), 1000);
    return recordingId;
  }

  @Test
  void anAvailableRecordingDownloadsThroughItsPresignedUrlAndDeletingRemovesTheObject()
      throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant owner = STACK.newTenant();
    ProvisionedTenant other = STACK.newTenant();
    UUID recordingId = availableRecording(STACK, owner, api);
    var row =
        STACK.jdbi().onDemand(RecordingDao.class).find(owner.tenantId(), recordingId).orElseThrow();
    byte[] wav = new byte[48];
    new java.util.Random(7).nextBytes(wav);
    S3.putObject(b -> b.bucket(BUCKET).key(row.s3Key()), RequestBody.fromBytes(wav));

    ApiClient.Reply fetched = api.get("/v1/recordings/" + recordingId, owner.apiKey());
    assertThat(fetched.status()).isEqualTo(200);
    JsonNode body = fetched.body();
    assertThat(body.path("id").asText()).isEqualTo(recordingId.toString());
    assertThat(body.path("callId").asText()).isEqualTo(row.callId().toString());
    assertThat(body.path("status").asText()).isEqualTo("available");
    assertThat(body.path("durationMillis").asLong()).isEqualTo(1000);
    assertThat(body.path("sizeBytes").asLong()).isEqualTo(48);
    assertThat(Instant.parse(body.path("urlExpiresAt").asText()))
        .isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(610));
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(body.path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(wav);

    JsonNode list = api.get("/v1/calls/" + row.callId() + "/recordings", owner.apiKey()).body();
    assertThat(list.path("data")).hasSize(1);
    assertThat(list.path("data").get(0).path("id").asText()).isEqualTo(recordingId.toString());

    ProblemAssert.assertProblem(
        api.get("/v1/recordings/" + recordingId, other.apiKey()), 404, "not-found");
    ProblemAssert.assertProblem(
        api.delete("/v1/recordings/" + recordingId, other.apiKey()), 404, "not-found");
    ProblemAssert.assertProblem(
        api.get("/v1/calls/" + row.callId() + "/recordings", other.apiKey()), 404, "not-found");
    assertThat(S3.headObject(b -> b.bucket(BUCKET).key(row.s3Key())).contentLength()).isEqualTo(48);

    assertThat(api.delete("/v1/recordings/" + recordingId, owner.apiKey()).status()).isEqualTo(204);
    assertThat(S3.listObjectsV2(b -> b.bucket(BUCKET).prefix(row.s3Key())).contents()).isEmpty();
    ProblemAssert.assertProblem(
        api.get("/v1/recordings/" + recordingId, owner.apiKey()), 404, "not-found");
    assertThat(
            api.get("/v1/calls/" + row.callId() + "/recordings", owner.apiKey())
                .body()
                .path("data"))
        .isEmpty();
    assertThat(
            STACK.count(
                "SELECT count(*) FROM recordings WHERE id = ? AND status = 'deleted' AND deleted_at IS NOT NULL",
                recordingId))
        .isEqualTo(1);
  }

  private static S3Proxy startS3() {
    try {
      Path directory = Files.createTempDirectory("irisx-api-s3-");
      Files.createDirectories(directory.resolve(BUCKET));
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", directory.toString());
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(org.gaul.s3proxy.BlobStores.create("filesystem", properties))
              .endpoint(URI.create("http://127.0.0.1:" + S3_PORT))
              .awsAuthentication(
                  org.gaul.s3proxy.auth.AuthenticationType.AWS_V2_OR_V4,
                  "test-access",
                  "test-secret-0123456789")
              .build();
      proxy.start();
      while (!proxy.getState().equals("STARTED")) {
        Thread.onSpinWait();
      }
      return proxy;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
