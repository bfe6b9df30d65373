package io.irisx.worker.dev;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** The public API as a client sees it over HTTP, for end-to-end tests. */
final class CallsApi {
  static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

  record Reply(int status, String contentType, JsonNode body) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String apiUrl;
  private final String apiKey;

  CallsApi(DevManifest manifest) {
    this(manifest.apiUrl(), manifest.apiKey());
  }

  /** The API with another key: another tenant's, or the operator's. */
  CallsApi(String apiUrl, String apiKey) {
    this.apiUrl = apiUrl;
    this.apiKey = apiKey;
  }

  Reply put(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Reply startCall(String from, String to, String flow) {
    return post(
        "/v1/calls", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"flow\":\"" + flow + "\"}");
  }

  Reply post(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Reply get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .header("Authorization", "Bearer " + apiKey)
            .GET()
            .build());
  }

  /** Polls the call until it reaches a final status, and returns it. */
  JsonNode awaitFinal(String callId, Duration timeout) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              last[0] = get("/v1/calls/" + callId).body();
              return FINAL.contains(last[0].path("status").asText());
            });
    return last[0];
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
      return new Reply(
          response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
