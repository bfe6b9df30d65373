package io.irisx.worker.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts hello calls to the public API at a steady rate, as a client would: the ids answered 201,
 * and how many were answered otherwise (a 503 during an outage is a fair answer: no call then).
 */
final class FaultLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String apiUrl;
  private final String apiKey;
  final List<String> created = new CopyOnWriteArrayList<>();
  final AtomicInteger refused = new AtomicInteger();
  private final List<Thread> midwayThreads = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicReference<RuntimeException> midwayFailure =
      new java.util.concurrent.atomic.AtomicReference<>();

  FaultLoad(DevManifest manifest) {
    this.apiUrl = manifest.apiUrl();
    this.apiKey = manifest.apiKey();
  }

  /** Posts {@code calls} calls, {@code every} apart; calls {@code midway} after a third of them. */
  void run(int calls, Duration every, Runnable midway) throws InterruptedException {
    for (int i = 0; i < calls; i++) {
      if (i == Math.max(1, calls / 3)) {
        // The fault runs beside the load, as an outage does.
        midwayThreads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        midway.run();
                      } catch (RuntimeException e) {
                        midwayFailure.set(e);
                      }
                    }));
      }
      post();
      Thread.sleep(every);
    }
    for (Thread thread : midwayThreads) {
      thread.join();
    }
    if (midwayFailure.get() != null) {
      throw new IllegalStateException("the fault could not be injected", midwayFailure.get());
    }
  }

  String createEndpoint(String url) throws IOException, InterruptedException {
    HttpResponse<String> reply = send("/v1/webhooks", "{\"url\":\"" + url + "\"}");
    if (reply.statusCode() != 201) {
      throw new IllegalStateException("could not create the endpoint: " + reply.body());
    }
    return JSON.readTree(reply.body()).path("id").asText();
  }

  private void post() {
    try {
      HttpResponse<String> reply =
          send("/v1/calls", "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"}");
      if (reply.statusCode() == 201) {
        JsonNode call = JSON.readTree(reply.body());
        created.add(call.path("id").asText());
      } else {
        refused.incrementAndGet();
      }
    } catch (IOException e) {
      refused.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<String> send(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
