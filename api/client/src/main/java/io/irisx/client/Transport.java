package io.irisx.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Sends one API request: JSON in and out, the API key, retries with backoff (honouring {@code
 * Retry-After}), and the same {@code Idempotency-Key} on every attempt of a POST.
 */
final class Transport {
  /** Answers worth another attempt: the request may succeed unchanged. */
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

  private static final String KEY_IN_USE = "https://irisx.io/problems/idempotency-key-in-use";
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI baseUrl;
  private final String apiKey;
  private final RequestOptions options;
  private final ObjectMapper json;
  private final Sleeper sleeper;

  /** Pauses between attempts; a test may count instead of sleeping. */
  interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  Transport(
      HttpClient http,
      URI baseUrl,
      String apiKey,
      RequestOptions options,
      ObjectMapper json,
      Sleeper sleeper) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.options = options;
    this.json = json;
    this.sleeper = sleeper;
  }

  Transport with(RequestOptions other) {
    return new Transport(http, baseUrl, apiKey, other, json, sleeper);
  }

  ObjectMapper json() {
    return json;
  }

  RequestOptions options() {
    return options;
  }

  /** One request: {@code path} under the base URL, {@code query} values already strings. */
  <T> ApiResponse<T> send(
      String method, String path, Map<String, String> query, @Nullable Object body, JavaType type) {
    URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + path + queryString(query));
    byte[] payload = body == null ? null : write(body);
    String idempotencyKey =
        method.equals("POST")
            ? options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString())
            : null;
    int attempt = 0;
    while (true) {
      attempt++;
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(options.timeout())
              .header("Accept", "application/json, application/problem+json")
              .header("User-Agent", "irisx-client-java")
              .method(
                  method,
                  payload == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(payload));
      if (apiKey != null) {
        request.header("Authorization", "Bearer " + apiKey);
      }
      if (payload != null) {
        request.header("Content-Type", "application/json");
      }
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt > options.maxRetries()) {
          throw new ApiConnectionException(
              method + " " + path + " failed after " + attempt + " attempt(s): " + e, e);
        }
        pause(backoff(attempt));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException("interrupted during " + method + " " + path, e);
      }
      int status = response.statusCode();
      if (status < 400) {
        T value = status == 204 || response.body().length == 0 ? null : read(response, type);
        return new ApiResponse<>(status, response.headers(), value, attempt, idempotencyKey);
      }
      Problem problem = problem(response);
      Optional<Duration> retryAfter = retryAfter(response);
      // A replayed answer is the first one again: asking once more with the key changes nothing.
      boolean replayed =
          response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true");
      boolean retryable =
          !replayed
              && (RETRYABLE.contains(status)
                  || (status == 409 && KEY_IN_USE.equals(problem.type())));
      if (!retryable || attempt > options.maxRetries()) {
        throw ProblemException.of(problem, retryAfter.orElse(null));
      }
      pause(retryAfter.filter(d -> d.compareTo(MAX_RETRY_AFTER) <= 0).orElse(backoff(attempt)));
    }
  }

  private Duration backoff(int attempt) {
    long initial = options.initialBackoff().toMillis();
    long capped = Math.min(options.maxBackoff().toMillis(), initial << Math.min(attempt - 1, 20));
    // Jitter: many clients failing at once do not come back at once.
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  private void pause(Duration pause) {
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("interrupted while waiting to retry", e);
    }
  }

  private Problem problem(HttpResponse<byte[]> response) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (contentType.contains("json") && response.body().length > 0) {
      try {
        Problem problem = json.readValue(response.body(), Problem.class);
        if (problem.status() == response.statusCode()) {
          return problem;
        }
      } catch (IOException notAProblem) {
        // Described below from the status alone.
      }
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    return new Problem(
        "about:blank",
        "HTTP " + response.statusCode(),
        response.statusCode(),
        text.isBlank() ? null : text.substring(0, Math.min(200, text.length())),
        response.uri().getRawPath(),
        List.of());
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
              } catch (NumberFormatException httpDate) {
                return Optional.empty();
              }
            });
  }

  private byte[] write(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the request as JSON: " + e.getMessage(), e);
    }
  }

  private <T> T read(HttpResponse<byte[]> response, JavaType type) {
    if (type.getRawClass() == String.class) {
      @SuppressWarnings("unchecked")
      T text = (T) new String(response.body(), StandardCharsets.UTF_8);
      return text;
    }
    try {
      return json.readValue(response.body(), type);
    } catch (IOException e) {
      throw new IrisxException(
          "the API's answer to " + response.uri().getRawPath() + " is not the expected JSON", e);
    }
  }

  private static String queryString(Map<String, String> query) {
    if (query == null || query.values().stream().allMatch(java.util.Objects::isNull)) {
      return "";
    }
    return query.entrySet().stream()
        .filter(entry -> entry.getValue() != null)
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }
}
