package io.irisx.worker.bench;

import io.irisx.temporal.cost.HistoryCost;
import java.util.List;

/**
 * What one bench run measured; the JSON under target/bench/ is this record.
 *
 * @param irisx the scenario's calls through the public API
 * @param baseline the no-op baseline of the same shape and pace, or null when not run
 * @param throughputRatio IRISX's completed calls per second over the baseline's, or null
 * @param hold the hold scenario's capacity figures, or null for other scenarios
 * @param warmupCalls calls run (and finished) before the measured ones, not measured
 * @param engine what the measured calls cost Temporal, from their workflows' histories
 * @param cpu CPU-seconds per completed call, measured over the calls (before the baseline)
 * @param sql SQL statements IRISX ran per accepted call, or null when unknown
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
    int warmupCalls,
    EngineCost engine,
    CpuPerCall cpu,
    Sql sql,
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
      Latency completedToWebhook,
      Latency answerToFirstAudio) {}

  /**
   * The histories of the measured calls' workflows, counted by {@link HistoryCost}: the call
   * workflows alone, and every workflow the calls caused (call workflows, their children, webhook
   * workflows) together.
   *
   * @param calls calls whose call workflow was found
   * @param workflows workflows read in all
   */
  public record EngineCost(
      int calls, int workflows, HistoryCost callWorkflows, HistoryCost allWorkflows) {
    static final EngineCost NONE = new EngineCost(0, 0, HistoryCost.NONE, HistoryCost.NONE);
  }

  /**
   * @param perCall statements per accepted call
   * @param transactionControlPerCall of which BEGIN, COMMIT, SET and the like
   * @param top the run's most frequent statements, "count: text"
   */
  public record Sql(double perCall, double transactionControlPerCall, List<String> top) {}

  /**
   * CPU-seconds per accepted call, from /proc; null where not measured.
   *
   * @param stackJvm the bench stack's JVM: API, worker and the simulated switch (and the Temporal
   *     server itself with the in-process backend)
   * @param irisxDatabase IRISX's PostgreSQL, all its backends
   * @param temporal the Temporal server and its database, when they run on this machine apart from
   *     the stack (the CLI dev server; the PostgreSQL-backed server and its PostgreSQL)
   */
  public record CpuPerCall(Double stackJvm, Double irisxDatabase, Double temporal) {}

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
  /**
   * @param temporalRequestsPerSecond the worker's requests to Temporal while every call waited
   *     (task completions, heartbeats, signals, starts: the SDK's temporal_request), from its
   *     metrics; null when it exports none
   * @param longPollsPerSecond its task polls in the same time (temporal_long_request), apart: an
   *     idle poller renews its poll every minute whatever the calls do
   */
  public record Hold(
      int peakLiveChannels,
      BenchProbe.Capacity atPeak,
      int peakThreads,
      WorkerCache cache,
      Double temporalRequestsPerSecond,
      Double longPollsPerSecond) {}

  /**
   * The worker's sticky workflow cache, from its Prometheus metrics (null figures when the worker
   * does not export them). A miss replays a workflow's whole history; {@code threadForcedEvictions}
   * are workflows pushed out for want of a thread; {@code evictions} counts every removal, the
   * workflows that simply closed included (the SDK's "total forced eviction").
   */
  public record WorkerCache(
      Double size, Double hits, Double misses, Double threadForcedEvictions, Double evictions) {}
}
