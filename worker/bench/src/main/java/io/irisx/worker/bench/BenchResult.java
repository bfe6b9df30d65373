package io.irisx.worker.bench;

import java.util.List;

/**
 * What one bench run measured; the JSON under target/bench/ is this record.
 *
 * @param irisx the scenario's calls through the public API
 * @param baseline the no-op baseline of the same shape and pace, or null when not run
 * @param throughputRatio IRISX's completed calls per second over the baseline's, or null
 * @param hold the hold scenario's capacity figures, or null for other scenarios
 */
public record BenchResult(
    String scenario,
    String backend,
    String temporalServer,
    String startedAt,
    int cps,
    int calls,
    int concurrency,
    int promptMillis,
    double loadAverageBefore,
    double loadAverageAfter,
    double seconds,
    Side irisx,
    Baseline baseline,
    Double throughputRatio,
    LossCheck loss,
    Hold hold,
    List<String> notes) {

  /**
   * @param accepted calls the API answered 201
   * @param rejected other answers (status code and count in {@code notes})
   * @param offeredPerSecond accepted calls over the time from the first request to the last answer
   * @param completedPerSecond CDRs written over the time from the first request to the last CDR
   */
  public record Side(
      int accepted,
      int rejected,
      double offeredPerSecond,
      double completedPerSecond,
      Latency post,
      Latency apiToOriginate,
      Latency hangupToCdr,
      Latency eventToWebhook,
      Latency completedToWebhook) {}

  public record Baseline(
      int activities,
      int localActivities,
      int signals,
      int started,
      int completed,
      double startedPerSecond,
      double completedPerSecond,
      Latency start,
      Latency startToCompletion) {}

  /**
   * @param peakLiveChannels the most calls up at once the switch saw
   * @param atPeak the stack JVM after a GC with every call up
   */
  public record Hold(
      int peakLiveChannels, BenchProbe.Capacity atPeak, int peakThreads, WorkerCache cache) {}

  /**
   * The worker's sticky workflow cache, from its Prometheus metrics (null figures when the worker
   * does not export them). A miss replays a workflow's whole history; {@code threadForcedEvictions}
   * are workflows pushed out for want of a thread; {@code evictions} counts every removal, the
   * workflows that simply closed included (the SDK's "total forced eviction").
   */
  public record WorkerCache(
      Double size, Double hits, Double misses, Double threadForcedEvictions, Double evictions) {}
}
