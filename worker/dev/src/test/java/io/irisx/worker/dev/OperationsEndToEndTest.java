package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a call through the whole dev stack: Prometheus text at {@code /metrics}
 * on both admin ports with the API's, the SDK's, the ESL link's and the business meters; health
 * checks for every dependency; readiness; and logs in which every line about the call names the
 * call and its tenant, and no secret (API key, operator key, webhook secret) appears anywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private DevStack stack;
  private CallsApi api;
  private HttpServer receiver;
  private final AtomicInteger delivered = new AtomicInteger();
  private Path home;
  private String callId;
  private String webhookSecret;

  @BeforeAll
  void runOneCallWithAWebhook(@TempDir Path home) throws IOException {
    this.home = home;
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          delivered.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
    api = new CallsApi(stack.manifest());

    CallsApi.Reply webhook =
        api.post(
            "/v1/webhooks",
            "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort()
                + "/hooks\",\"events\":[]}");
    assertThat(webhook.status()).as(webhook.body().toString()).isEqualTo(201);
    webhookSecret = webhook.body().path("secret").asText();
    assertThat(webhookSecret).isNotBlank();

    CallsApi.Reply created = api.startCall("+15550100", "+15550111", "hello");
    assertThat(created.status()).isEqualTo(201);
    callId = created.body().path("id").asText();
    assertThat(api.awaitFinal(callId, Duration.ofSeconds(30)).path("status").asText())
        .isEqualTo("completed");
    await().atMost(Duration.ofSeconds(30)).until(() -> delivered.get() >= 1);
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void apiMetricsArePrometheusTextWithRequestAndTemporalClientMeters() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              HttpResponse<String> scrape = get(stack.manifest().adminUrl() + "/metrics");
              assertThat(scrape.statusCode()).isEqualTo(200);
              assertThat(scrape.headers().firstValue("Content-Type").orElse(""))
                  .startsWith("text/plain");
              assertThat(scrape.body())
                  .contains(
                      "irisx_http_server_requests_seconds_count{method=\"POST\",route=\"/v1/calls\",status=\"201\",}")
                  .contains(
                      "irisx_http_server_requests_seconds_bucket{method=\"GET\",route=\"/v1/calls/{id}\"")
                  .contains("temporal_request_total{")
                  .contains("io_dropwizard_jetty_MutableServletContextHandler_requests_count");
            });
  }

  @Test
  void workerMetricsCoverEslCallsDeliveriesRecordingsAndTheSdk() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String body = get(stack.manifest().workerAdminUrl() + "/metrics").body();
              assertThat(body)
                  .contains("irisx_esl_link_up{node=\"node-1\",} 1.0")
                  .contains("irisx_calls_up{node=\"node-1\",}")
                  .contains("irisx_esl_events_total{event=\"CHANNEL_ANSWER\",node=\"node-1\",}")
                  .contains(
                      "irisx_esl_command_seconds_bucket{answered=\"true\",command=\"originate\",kind=\"bgapi\",node=\"node-1\"")
                  .contains("irisx_calls_started_total{direction=\"outbound\",} 1.0")
                  .contains("irisx_calls_ended_total{status=\"completed\",} 1.0")
                  .contains("irisx_recording_uploads_total{outcome=\"succeeded\",} 0.0")
                  .contains("temporal_workflow_completed_total{")
                  .contains("temporal_activity_execution_latency_seconds");
              assertThat(
                      metricValue(body, "irisx_webhook_deliveries_total{outcome=\"succeeded\",}"))
                  .isGreaterThanOrEqualTo(1.0);
            });
  }

  @Test
  void healthChecksCoverEveryDependencyAndBothProcessesAreReady() throws IOException {
    JsonNode apiHealth = JSON.readTree(get(stack.manifest().adminUrl() + "/healthcheck").body());
    assertThat(apiHealth.fieldNames()).toIterable().contains("postgresql", "redis", "temporal");
    JsonNode workerHealth =
        JSON.readTree(get(stack.manifest().workerAdminUrl() + "/healthcheck").body());
    assertThat(workerHealth.fieldNames())
        .toIterable()
        .contains("postgresql", "redis", "temporal", "s3", "esl-node-1");
    workerHealth.forEach(
        check -> assertThat(check.path("healthy").asBoolean()).as(check.toString()).isTrue());

    for (String admin : List.of(stack.manifest().adminUrl(), stack.manifest().workerAdminUrl())) {
      HttpResponse<String> ready = get(admin + "/ready");
      assertThat(ready.statusCode()).as(admin + " " + ready.body()).isEqualTo(200);
      assertThat(ready.body()).contains("\"ready\":true");
    }
  }

  @Test
  void everyLogLineAboutTheCallNamesItsCallAndTenant() throws IOException {
    String tenantId = stack.manifest().tenantId();
    List<JsonNode> aboutTheCall = new ArrayList<>();
    for (String line : Files.readAllLines(DevConfigFiles.jsonLogFile(home))) {
      JsonNode entry = JSON.readTree(line);
      String mdcCall = entry.path("mdc").path("callId").asText(null);
      // IRISX's own lines; the Temporal SDK's internal warnings (a task report retried on a loaded
      // machine) come from its own threads and name the workflow by its id instead.
      boolean ours = entry.path("logger").asText("").startsWith("io.irisx");
      if (ours && (callId.equals(mdcCall) || entry.path("message").asText("").contains(callId))) {
        aboutTheCall.add(entry);
      }
    }
    assertThat(aboutTheCall).as("log lines about call " + callId).isNotEmpty();
    assertThat(aboutTheCall)
        .as("lines from activities (originate) carry the call")
        .anyMatch(entry -> entry.path("logger").asText().startsWith("io.irisx.activities"));
    for (JsonNode entry : aboutTheCall) {
      assertThat(entry.path("mdc").path("callId").asText()).as(entry.toString()).isEqualTo(callId);
      if (!entry.path("logger").asText().startsWith("io.irisx.worker.bridge")) {
        assertThat(entry.path("mdc").path("tenantId").asText())
            .as(entry.toString())
            .isEqualTo(tenantId);
      }
    }
    assertThat(Files.readString(DevConfigFiles.logFile(home)))
        .contains("[callId=" + callId + " tenantId=" + tenantId + "]");
  }

  @Test
  void noSecretIsEverLogged() throws IOException {
    List<String> secrets =
        List.of(stack.manifest().apiKey(), stack.manifest().operatorKey(), webhookSecret);
    List<Path> files;
    try (Stream<Path> logs = Files.walk(home.resolve("logs"))) {
      files = logs.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : files) {
      String text = Files.readString(file);
      for (String secret : secrets) {
        assertThat(text).as(file + " must not contain a secret").doesNotContain(secret);
        // Nor the webhook secret's key material without its prefix.
        if (secret.startsWith("whsec_")) {
          assertThat(text).as(file.toString()).doesNotContain(secret.substring("whsec_".length()));
        }
      }
    }
  }

  private static double metricValue(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim()))
        .sum();
  }

  private HttpResponse<String> get(String url) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
