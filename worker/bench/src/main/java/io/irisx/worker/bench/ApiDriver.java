package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The public API as the bench uses it: API keys, webhooks, and starting calls. */
final class ApiDriver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String apiUrl;
  private final String adminKey;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  ApiDriver(String apiUrl, String adminKey) {
    this.apiUrl = apiUrl;
    this.adminKey = adminKey;
  }

  /**
   * A POST /v1/calls and how it went; {@code callId} is null unless the call was accepted (201).
   */
  record CallAttempt(
      int index,
      int status,
      String callId,
      long sentAtMicros,
      long answeredAtMicros,
      String error) {
    boolean accepted() {
      return status == 201 && callId != null;
    }
  }

  record IssuedKey(String id, String key) {}

  /**
   * Keys to spread the calls over: the API limits each key's request rate (50/s by default), and a
   * bench measures the platform, not that limit.
   */
  List<IssuedKey> issueKeys(int count, String runId) throws IOException, InterruptedException {
    List<IssuedKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode body =
          send(
              "POST",
              "/v1/api-keys",
              adminKey,
              Map.of("name", "bench-" + runId + "-" + i, "scope", "full"),
              201);
      keys.add(new IssuedKey(body.get("id").asText(), body.get("key").asText()));
    }
    return keys;
  }

  void revokeKeys(List<IssuedKey> keys) throws IOException, InterruptedException {
    for (IssuedKey key : keys) {
      send("DELETE", "/v1/api-keys/" + key.id(), adminKey, null, 204);
    }
  }

  /** An endpoint for every event type, pointing at the bench's receiver; returns its id. */
  String subscribe(String receiverUrl) throws IOException, InterruptedException {
    JsonNode body =
        send(
            "POST",
            "/v1/webhooks",
            adminKey,
            Map.of("url", receiverUrl, "events", List.of(), "description", "irisx bench receiver"),
            201);
    return body.get("id").asText();
  }

  void unsubscribe(String webhookId) throws IOException, InterruptedException {
    send("DELETE", "/v1/webhooks/" + webhookId, adminKey, null, 204);
  }

  CallAttempt startCall(int index, String key, Scenario scenario) {
    long sentAt = Clock.nowMicros();
    try {
      String body =
          JSON.writeValueAsString(
              Map.of("from", FarEndNumbers.CALLER, "to", scenario.to(), "flow", scenario.flow()));
      HttpResponse<String> response =
          http.send(
              request("/v1/calls", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
      long answeredAt = Clock.nowMicros();
      String callId = null;
      if (response.statusCode() == 201) {
        callId = JSON.readTree(response.body()).path("id").asText(null);
      }
      return new CallAttempt(
          index,
          response.statusCode(),
          callId,
          sentAt,
          answeredAt,
          response.statusCode() == 201 ? null : response.body());
    } catch (IOException e) {
      return new CallAttempt(index, 0, null, sentAt, Clock.nowMicros(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CallAttempt(index, 0, null, sentAt, Clock.nowMicros(), "interrupted");
    }
  }

  private JsonNode send(String method, String path, String key, Object body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    HttpResponse<String> response =
        http.send(
            request(path, key).method(method, publisher).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path, String key) {
    return HttpRequest.newBuilder(URI.create(apiUrl + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json");
  }
}
