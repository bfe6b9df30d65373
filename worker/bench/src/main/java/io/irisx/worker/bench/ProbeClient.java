package io.irisx.worker.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.activities.esl.simulator.ReceivedOriginate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The load generator's side of {@link BenchProbe}. */
final class ProbeClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ProbeClient(String url) {
    this.url = url;
  }

  List<ReceivedOriginate> originates(long sinceMicros) throws IOException, InterruptedException {
    return JSON.readValue(get("/originates?since=" + sinceMicros), new TypeReference<>() {});
  }

  BenchProbe.Capacity capacity(boolean collectFirst) throws IOException, InterruptedException {
    return JSON.readValue(
        get("/capacity" + (collectFirst ? "?gc=true" : "")), BenchProbe.Capacity.class);
  }

  int hangUpFarEnds() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/hangup-far-ends"))
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    return body.path("hungUp").asInt();
  }

  boolean alive() {
    try {
      get("/capacity");
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
