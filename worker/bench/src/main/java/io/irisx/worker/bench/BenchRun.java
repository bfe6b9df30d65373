package io.irisx.worker.bench;

import io.irisx.activities.esl.simulator.ReceivedOriginate;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.irisx.worker.bench.ApiDriver.CallAttempt;
import io.irisx.worker.bench.WebhookReceiver.Delivery;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One bench run against a running stack: starts the scenario's calls through the API at the pace
 * asked, waits for their CDRs and webhooks, reads the switch's originates, runs the baseline, and
 * checks that nothing was lost.
 */
public final class BenchRun {
  private static final int REQUESTS_PER_KEY_PER_SECOND = 40;
  private static final Duration POLL = Duration.ofMillis(500);

  /** Histories read per run: enough for a mean, few enough to read in seconds. */
  private static final int COSTED_CALLS = 100;

  /** How long to wait for the first call.completed before calling deliveries "n/a". */
  private static final Duration FIRST_DELIVERY_GRACE = Duration.ofSeconds(3);

  private final BenchStackInfo stack;
  private final BenchOptions options;
  private final Consumer<String> afterAccepted;
  private final List<String> notes = new ArrayList<>();

  /**
   * @param afterAccepted called with each accepted call's id as soon as the API answered (tests use
   *     it to lose a call on purpose)
   */
  public BenchRun(BenchStackInfo stack, BenchOptions options, Consumer<String> afterAccepted) {
    this.stack = stack;
    this.options = options;
    this.afterAccepted = afterAccepted;
  }

  public BenchResult run() throws IOException, InterruptedException, SQLException {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Instant startedAt = Instant.now();
    long startedNanos = System.nanoTime();
    double loadBefore = loadAverage();
    ApiDriver api = new ApiDriver(stack.apiUrl(), stack.apiKey());
    ProbeClient probe = new ProbeClient(stack.probeUrl());
    CdrTable cdrTable = new CdrTable(stack.databaseUrl());
    int keyCount =
        options.cps() == 0
            ? Math.max(1, options.concurrency() * 2)
            : Math.max(
                1, (options.cps() + REQUESTS_PER_KEY_PER_SECOND - 1) / REQUESTS_PER_KEY_PER_SECOND);
    List<ApiDriver.IssuedKey> keys = api.issueKeys(keyCount, runId);
    try (WebhookReceiver receiver = WebhookReceiver.start();
        FirstAudioWatch firstAudio = FirstAudioWatch.start(stack)) {
      String webhookId = api.subscribe(receiver.url());
      try {
        warmUp(api, keys, cdrTable);
        CpuMeter cpuMeter = CpuMeter.of(stack);
        CpuMeter.Reading cpuBefore = cpuMeter == null ? null : cpuMeter.read();
        SqlStatements sql = SqlStatements.reset(stack.databaseUrl());
        long since = Clock.nowMicros();
        List<CallAttempt> attempts =
            Pacer.run(
                options.calls(),
                options.cps(),
                options.concurrency(),
                i -> {
                  CallAttempt attempt =
                      api.startCall(i, keys.get(i % keys.size()).key(), options.scenario());
                  if (attempt.accepted()) {
                    afterAccepted.accept(attempt.callId());
                  }
                  return attempt;
                });
        Map<String, CallAttempt> accepted = new HashMap<>();
        attempts.stream().filter(CallAttempt::accepted).forEach(a -> accepted.put(a.callId(), a));
        noteRejections(attempts);

        BenchResult.Hold hold =
            options.scenario() == Scenario.HOLD ? hold(probe, accepted.size()) : null;
        Map<String, CdrTable.Cdr> cdrs =
            awaitCdrs(cdrTable, accepted.keySet(), hold != null ? probe : null);
        Map<String, ReceivedOriginate> originates = new HashMap<>();
        Set<String> placedUnaccepted = new HashSet<>();
        for (ReceivedOriginate originate : probe.originates(since)) {
          if (originate.callId() != null && accepted.containsKey(originate.callId())) {
            originates.putIfAbsent(originate.callId(), originate);
          } else if (originate.callId() != null) {
            placedUnaccepted.add(originate.callId());
          }
        }
        if (!placedUnaccepted.isEmpty()) {
          // The API answered these with an error (or not at all), yet they were dialled.
          notes.add(
              placedUnaccepted.size()
                  + " calls reached the switch that the API did not accept, e.g. "
                  + placedUnaccepted.iterator().next());
        }
        List<Delivery> deliveries = awaitCompletedDeliveries(receiver, accepted.keySet(), since);
        Set<String> completedDelivered =
            deliveries.stream()
                .filter(d -> d.type().equals("call.completed") && d.callId() != null)
                .map(Delivery::callId)
                .collect(Collectors.toSet());
        if (completedDelivered.isEmpty()) {
          notes.add(
              "no call.completed webhook arrived"
                  + (deliveries.isEmpty()
                      ? " (no webhook at all)"
                      : " (" + deliveries.size() + " other events did)")
                  + ": the call workflow does not publish call.completed, or not within the drain time;"
                  + " deliveries are reported n/a, not as a loss");
        }
        // Every accepted call caused work, finished or not: CPU and SQL are per accepted call.
        int measuredCalls = accepted.size();
        if (cdrs.size() < accepted.size()) {
          notes.add(
              "only "
                  + cdrs.size()
                  + " of "
                  + accepted.size()
                  + " calls completed while CPU and SQL were measured: their per-call figures"
                  + " (per accepted call) understate what a whole call costs");
        }
        BenchResult.CpuPerCall cpu =
            cpuMeter == null
                ? new BenchResult.CpuPerCall(null, null, null)
                : CpuMeter.perCall(cpuBefore, cpuMeter.read(), measuredCalls);
        if (cpuMeter != null && !cpuMeter.temporalMeasured()) {
          notes.add(
              stack.backend().equals(BenchBackend.IN_PROCESS.flag())
                  ? "Temporal's CPU is inside the stack JVM's (in-process server): not apart"
                  : "the Temporal server does not run on this machine: its CPU is not measured");
        }
        SqlStatements.Count statements = sql == null ? null : sql.count();
        if (statements == null) {
          notes.add("IRISX's database does not track statements (no pg_stat_statements)");
        }
        BenchResult.Sql sqlPerCall =
            statements == null || measuredCalls == 0
                ? null
                : new BenchResult.Sql(
                    Math.round(statements.total() * 10.0 / measuredCalls) / 10.0,
                    Math.round(statements.transactionControl() * 10.0 / measuredCalls) / 10.0,
                    statements.top());
        List<Long> answerToAudio =
            firstAudio == null
                ? List.of()
                : firstAudio.answerToFirstAudio(
                    originates.values().stream()
                        .map(ReceivedOriginate::channelUuid)
                        .filter(java.util.Objects::nonNull)
                        .toList());
        LossCheck loss =
            LossCheck.of(accepted.keySet(), originates.keySet(), cdrs.keySet(), completedDelivered);
        if (!loss.ok()) {
          notes.add(
              "the bench waited up to "
                  + options.drain().toSeconds()
                  + " s for CDRs and again for webhooks;"
                  + " what had not arrived by then counts as lost: rerun with a longer --drain to tell slow from lost");
        }
        BenchResult.Side irisx =
            side(attempts, accepted, originates, cdrs, deliveries, since, answerToAudio);

        BenchResult.Baseline baseline = null;
        Double ratio = null;
        if (options.baseline() && options.scenario() != Scenario.HOLD && !cdrs.isEmpty()) {
          try {
            baseline = baseline(runId, cdrs.keySet().iterator().next());
          } catch (RuntimeException e) {
            // The calls' figures are measured already: a baseline that cannot run loses only
            // itself.
            notes.add("the baseline could not run: " + e);
          }
          if (baseline != null && baseline.completedPerSecond() > 0) {
            ratio =
                Math.round(irisx.completedPerSecond() / baseline.completedPerSecond() * 100)
                    / 100.0;
          }
        }
        BenchResult.EngineCost engine = engineCost(cdrs.keySet());
        return new BenchResult(
            options.scenario().flag(),
            stack.backend(),
            stack.temporalServer(),
            startedAt.toString(),
            options.cps(),
            options.calls(),
            options.concurrency(),
            stack.promptMillis(),
            loadBefore,
            loadAverage(),
            Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0,
            irisx,
            baseline,
            ratio,
            loss,
            hold,
            warmupCalls(),
            engine,
            cpu,
            sqlPerCall,
            List.copyOf(notes));
      } finally {
        api.unsubscribe(webhookId);
      }
    } finally {
      api.revokeKeys(keys);
    }
  }

  private void noteRejections(List<CallAttempt> attempts) {
    Map<Integer, Long> byStatus =
        attempts.stream()
            .filter(a -> !a.accepted())
            .collect(
                Collectors.groupingBy(CallAttempt::status, TreeMap::new, Collectors.counting()));
    byStatus.forEach(
        (status, count) ->
            notes.add(
                count
                    + " POST /v1/calls answered "
                    + (status == 0 ? "nothing (I/O error)" : status)
                    + ", e.g. "
                    + attempts.stream()
                        .filter(a -> a.status() == status && !a.accepted())
                        .findFirst()
                        .map(CallAttempt::error)
                        .orElse("")));
  }

  /**
   * Waits for every accepted call to be up, weighs the stack, keeps them up, then hangs them all
   * up.
   */
  private BenchResult.Hold hold(ProbeClient probe, int accepted)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).plusMillis(accepted * 20L).toNanos();
    int peak = 0;
    while (System.nanoTime() < deadline) {
      peak = Math.max(peak, probe.capacity(false).liveChannels());
      if (peak >= accepted) {
        break;
      }
      Thread.sleep(POLL.toMillis());
    }
    if (peak < accepted) {
      notes.add("only " + peak + " of " + accepted + " hold calls were up at once");
    }
    BenchProbe.Capacity atPeak = probe.capacity(true);
    int peakThreads = atPeak.peakThreads();
    Double[] requestsBefore = WorkerMetrics.requests(stack.workerAdminUrl());
    long holdStarted = System.nanoTime();
    long holdUntil = holdStarted + options.hold().toNanos();
    while (System.nanoTime() < holdUntil) {
      BenchProbe.Capacity now = probe.capacity(false);
      peak = Math.max(peak, now.liveChannels());
      peakThreads = Math.max(peakThreads, now.peakThreads());
      Thread.sleep(Math.min(1000, Math.max(1, (holdUntil - System.nanoTime()) / 1_000_000)));
    }
    Double[] requestsAfter = WorkerMetrics.requests(stack.workerAdminUrl());
    double heldSeconds = Math.max(1e-3, (System.nanoTime() - holdStarted) / 1e9);
    BenchResult.WorkerCache cache = WorkerMetrics.cache(stack.workerAdminUrl());
    notes.add(
        "hold: hung up "
            + probe.hangUpFarEnds()
            + " far ends after "
            + options.hold().toSeconds()
            + " s");
    return new BenchResult.Hold(
        peak,
        atPeak,
        peakThreads,
        cache,
        rate(requestsBefore[0], requestsAfter[0], heldSeconds),
        rate(requestsBefore[1], requestsAfter[1], heldSeconds));
  }

  private static Double rate(Double before, Double after, double seconds) {
    return before == null || after == null
        ? null
        : Math.round((after - before) / seconds * 10) / 10.0;
  }

  /**
   * Runs {@code --warmup} calls of the scenario and waits for their CDRs, so that what is measured
   * next runs on warm JITs, pools and caches.
   */
  private void warmUp(ApiDriver api, List<ApiDriver.IssuedKey> keys, CdrTable cdrTable)
      throws SQLException, InterruptedException, IOException {
    if (warmupCalls() == 0) {
      return;
    }
    List<CallAttempt> attempts =
        Pacer.run(
            warmupCalls(),
            options.cps(),
            options.concurrency(),
            i -> api.startCall(i, keys.get(i % keys.size()).key(), options.scenario()));
    Set<String> accepted =
        attempts.stream()
            .filter(CallAttempt::accepted)
            .map(CallAttempt::callId)
            .collect(Collectors.toSet());
    int written = awaitCdrs(cdrTable, accepted, null).size();
    if (written < warmupCalls()) {
      notes.add(
          "warm-up: " + written + " of " + warmupCalls() + " calls finished within the drain time");
    }
  }

  /** Hold calls do not end by themselves: they are not warmed up with. */
  private int warmupCalls() {
    return options.scenario() == Scenario.HOLD ? 0 : options.warmup();
  }

  /** What the first (up to) {@value #COSTED_CALLS} completed calls cost Temporal. */
  private BenchResult.EngineCost engineCost(Set<String> completedCalls) {
    List<String> sample = completedCalls.stream().sorted().limit(COSTED_CALLS).toList();
    try (CallCosts costs = new CallCosts(stack.temporalTarget(), stack.databaseUrl())) {
      return costs.of(sample);
    } catch (SQLException | RuntimeException e) {
      notes.add("the calls' histories could not be read: " + e);
      return BenchResult.EngineCost.NONE;
    }
  }

  /**
   * Waits for every accepted call's CDR. {@code hangingUp}, for hold calls, hangs up the far ends
   * of calls that were still being set up when the hold ended, as they come.
   */
  private Map<String, CdrTable.Cdr> awaitCdrs(
      CdrTable table, Set<String> accepted, ProbeClient hangingUp)
      throws SQLException, InterruptedException, IOException {
    long deadline = System.nanoTime() + options.drain().toNanos();
    Map<String, CdrTable.Cdr> cdrs = table.written(accepted);
    int lateHangups = 0;
    while (cdrs.size() < accepted.size() && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      if (hangingUp != null) {
        lateHangups += hangingUp.hangUpFarEnds();
      }
      cdrs = table.written(accepted);
    }
    if (lateHangups > 0) {
      notes.add("hold: " + lateHangups + " calls came up after the hold and were hung up at once");
    }
    return cdrs;
  }

  /**
   * Waits, after the CDRs, for a call.completed per call: up to the drain time while webhooks
   * arrive, but only a short grace when none arrived at all (nothing publishes them).
   */
  private List<Delivery> awaitCompletedDeliveries(
      WebhookReceiver receiver, Set<String> accepted, long since) throws InterruptedException {
    long graceEnd = System.nanoTime() + FIRST_DELIVERY_GRACE.toNanos();
    long deadline = System.nanoTime() + options.drain().toNanos();
    while (true) {
      List<Delivery> deliveries = receiver.deliveries();
      Set<String> completed = new HashSet<>();
      deliveries.stream()
          .filter(d -> d.type().equals("call.completed"))
          .forEach(d -> completed.add(d.callId()));
      long now = System.nanoTime();
      if (completed.containsAll(accepted)
          || (deliveries.isEmpty() && now > graceEnd)
          || now > deadline) {
        return deliveries;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static double loadAverage() {
    return Math.round(
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                * 100)
        / 100.0;
  }

  private static BenchResult.Side side(
      List<CallAttempt> attempts,
      Map<String, CallAttempt> accepted,
      Map<String, ReceivedOriginate> originates,
      Map<String, CdrTable.Cdr> cdrs,
      List<Delivery> deliveries,
      long since,
      List<Long> answerToFirstAudio) {
    List<Long> post = new ArrayList<>();
    List<Long> toOriginate = new ArrayList<>();
    List<Long> toCdr = new ArrayList<>();
    List<Long> toWebhook = new ArrayList<>();
    List<Long> toCompletedWebhook = new ArrayList<>();
    long firstSent = attempts.stream().mapToLong(CallAttempt::sentAtMicros).min().orElse(since);
    long lastAnswered =
        accepted.values().stream().mapToLong(CallAttempt::answeredAtMicros).max().orElse(firstSent);
    long lastCdr =
        cdrs.values().stream().mapToLong(CdrTable.Cdr::writtenAtMicros).max().orElse(firstSent);
    for (CallAttempt attempt : accepted.values()) {
      post.add(attempt.answeredAtMicros() - attempt.sentAtMicros());
      ReceivedOriginate originate = originates.get(attempt.callId());
      if (originate != null) {
        toOriginate.add(originate.receivedAtMicros() - attempt.sentAtMicros());
      }
    }
    for (CdrTable.Cdr cdr : cdrs.values()) {
      toCdr.add(cdr.writtenAtMicros() - cdr.endedAtMicros());
    }
    for (Delivery delivery : deliveries) {
      if (delivery.callId() != null && accepted.containsKey(delivery.callId())) {
        toWebhook.add(delivery.receivedAtMicros() - delivery.occurredAtMicros());
        if (delivery.type().equals("call.completed")) {
          toCompletedWebhook.add(delivery.receivedAtMicros() - delivery.occurredAtMicros());
        }
      }
    }
    return new BenchResult.Side(
        accepted.size(),
        attempts.size() - accepted.size(),
        perSecond(accepted.size(), lastAnswered - firstSent),
        perSecond(cdrs.size(), lastCdr - firstSent),
        Latency.ofMicros(post),
        Latency.ofMicros(toOriginate),
        Latency.ofMicros(toCdr),
        Latency.ofMicros(toWebhook),
        Latency.ofMicros(toCompletedWebhook),
        Latency.ofMicros(answerToFirstAudio));
  }

  private BenchResult.Baseline baseline(String runId, String sampleCallId) {
    try (BaselineRunner runner =
        new BaselineRunner(stack.temporalTarget(), stack.baselineTaskQueue())) {
      BaselineShape shape = runner.shapeOf(sampleCallId);
      List<BaselineRunner.Run> runs =
          runner.run(
              runId, shape, options.calls(), options.cps(), options.concurrency(), options.drain());
      long firstSent = runs.stream().mapToLong(BaselineRunner.Run::sentAtMicros).min().orElse(0);
      long lastAccepted =
          runs.stream().mapToLong(BaselineRunner.Run::acceptedAtMicros).max().orElse(firstSent);
      List<BaselineRunner.Run> completed =
          runs.stream().filter(r -> r.completedAtMicros() > 0).toList();
      long lastCompleted =
          completed.stream()
              .mapToLong(BaselineRunner.Run::completedAtMicros)
              .max()
              .orElse(firstSent);
      if (completed.size() < runs.size()) {
        notes.add(
            (runs.size() - completed.size())
                + " baseline workflows did not complete within the drain time");
      }
      return new BenchResult.Baseline(
          shape.activities(),
          shape.localActivities(),
          shape.signals(),
          runs.size(),
          completed.size(),
          perSecond(runs.size(), lastAccepted - firstSent),
          perSecond(completed.size(), lastCompleted - firstSent),
          Latency.ofMicros(
              runs.stream().map(r -> r.acceptedAtMicros() - r.sentAtMicros()).toList()),
          Latency.ofMicros(
              completed.stream().map(r -> r.completedAtMicros() - r.sentAtMicros()).toList()));
    }
  }

  private static double perSecond(int count, long micros) {
    if (count == 0) {
      return 0;
    }
    double seconds = Math.max(micros, 1) / 1e6;
    return Math.round(count / seconds * 10) / 10.0;
  }

  /** A Temporal client for tests that need to reach into a call (e.g. to lose one on purpose). */
  static TemporalConnection temporal(BenchStackInfo stack) {
    return TemporalConnection.open(
        new TemporalSettings(stack.temporalTarget(), TemporalSettings.DEFAULT_NAMESPACE));
  }
}
