package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack makes an operator key, writes it to dev.json, and the API takes it; the API keeps
 * its rate limits in the stack's Redis.
 */
class DevOperatorKeyTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> createTenant(DevManifest manifest, String operatorKey)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(manifest.apiUrl() + "/v1/admin/tenants"))
            .header("Authorization", "Bearer " + operatorKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void devJsonCarriesAnOperatorKeyThatTheApiAcceptsAndThatSurvivesARestart(@TempDir Path home)
      throws Exception {
    DevOptions options = DevOptions.ephemeral(home, TemporalMode.IN_PROCESS).withRunWorker(false);
    String operatorKey;
    try (DevStack stack = DevStack.start(options)) {
      DevManifest manifest = stack.manifest();
      operatorKey = manifest.operatorKey();
      assertThat(operatorKey).startsWith("irx_op_").hasSizeGreaterThanOrEqualTo(32);
      JsonNode onDisk = new ObjectMapper().readTree(DevStack.manifestFile(home).toFile());
      assertThat(onDisk.path("operatorKey").asText()).isEqualTo(operatorKey);

      HttpResponse<String> created = createTenant(manifest, operatorKey);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(createTenant(manifest, manifest.apiKey()).statusCode()).isEqualTo(401);
      // The API's rate limits live in the stack's Redis.
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(manifest.adminUrl() + "/healthcheck")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(
              new ObjectMapper().readTree(health.body()).path("redis").path("healthy").asBoolean())
          .as(health.body())
          .isTrue();
    }

    try (DevStack again = DevStack.start(options.withFresh(false))) {
      assertThat(again.manifest().operatorKey()).isEqualTo(operatorKey);
      assertThat(createTenant(again.manifest(), operatorKey).statusCode()).isEqualTo(201);
    }
  }
}
