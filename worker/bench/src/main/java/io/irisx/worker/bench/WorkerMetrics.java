package io.irisx.worker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The worker's sticky-cache figures from its Prometheus text at {@code <admin>/metrics}, when it
 * has them.
 */
final class WorkerMetrics {
  private WorkerMetrics() {}

  static BenchResult.WorkerCache cache(String workerAdminUrl) {
    return parse(text(workerAdminUrl));
  }

  /**
   * The worker's requests to Temporal so far: [temporal_request, temporal_long_request], null
   * figures when absent.
   */
  static Double[] requests(String workerAdminUrl) {
    String text = text(workerAdminUrl);
    return new Double[] {sum(text, "temporal_request"), sum(text, "temporal_long_request")};
  }

  private static String text(String workerAdminUrl) {
    if (workerAdminUrl == null) {
      return "";
    }
    String text;
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(workerAdminUrl + "/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      text = response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      text = "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      text = "";
    }
    return text;
  }

  /** Sums each metric's samples over their labels; null when the metric is absent. */
  static BenchResult.WorkerCache parse(String prometheusText) {
    return new BenchResult.WorkerCache(
        sum(prometheusText, "temporal_sticky_cache_size"),
        sum(prometheusText, "temporal_sticky_cache_hit"),
        sum(prometheusText, "temporal_sticky_cache_miss"),
        sum(prometheusText, "temporal_sticky_cache_thread_forced_eviction"),
        sum(prometheusText, "temporal_sticky_cache_total_forced_eviction"));
  }

  private static Double sum(String text, String metric) {
    Double total = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      // The metric itself, its _total counter form, with or without labels; not a longer name.
      if (rest.startsWith("_total")) {
        rest = rest.substring("_total".length());
      }
      if (!(rest.startsWith("{") || rest.startsWith(" "))) {
        continue;
      }
      int labelsEnd = rest.lastIndexOf('}');
      String value =
          (labelsEnd >= 0 ? rest.substring(labelsEnd + 1) : rest).trim().split("\\s+")[0];
      try {
        total = (total == null ? 0 : total) + Double.parseDouble(value);
      } catch (NumberFormatException ignored) {
        // Not a sample line.
      }
    }
    return total;
  }
}
