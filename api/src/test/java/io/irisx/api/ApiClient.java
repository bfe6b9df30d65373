package io.irisx.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** The API over HTTP, as a client sees it. */
public final class ApiClient {
  public record Reply(int status, HttpResponse<String> raw, JsonNode body) {
    public String contentType() {
      return header("Content-Type").orElse("");
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final Map<String, String> everyRequestHeaders;

  public ApiClient(int port) {
    this(port, Map.of());
  }

  /**
   * A client that sends these headers on every request (a console session's cookie and CSRF token).
   */
  public ApiClient(int port, Map<String, String> everyRequestHeaders) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.everyRequestHeaders = Map.copyOf(everyRequestHeaders);
  }

  public Reply startCall(String apiKey, String from, String to, String flow) {
    return post(
        "/v1/calls",
        apiKey,
        "application/json",
        "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"flow\":\"" + flow + "\"}");
  }

  /** A POST; a null key or content type leaves that header out. */
  public Reply post(String path, String apiKey, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  public Reply get(String path, String apiKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build());
  }

  /**
   * Any request: a null key, body or header value leaves it out; a body is sent as {@code
   * application/json}.
   */
  public Reply request(
      String method, String path, String apiKey, String jsonBody, String... headerNamesAndValues) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
      if (headerNamesAndValues[i + 1] != null) {
        request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
      }
    }
    return send(request.build());
  }

  public Reply post(String path, String apiKey, String jsonBody) {
    return request("POST", path, apiKey, jsonBody);
  }

  public Reply patch(String path, String apiKey, String jsonBody) {
    return request("PATCH", path, apiKey, jsonBody);
  }

  public Reply delete(String path, String apiKey) {
    return request("DELETE", path, apiKey, null);
  }

  public Reply send(HttpRequest request) {
    if (!everyRequestHeaders.isEmpty()) {
      HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
      everyRequestHeaders.forEach(copy::header);
      request = copy.build();
    }
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      // A body that is not JSON (the CSV export) is only in raw().
      boolean json =
          response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true);
      JsonNode body =
          response.body().isEmpty() || !json ? JSON.nullNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), response, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
