package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.irisx.temporal.cost.HistoryCost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The console table and the JSON file of a bench run. */
final class BenchReport {
  private BenchReport() {}

  static void print(BenchResult r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%nIRISX bench: %s, %d calls at %s, Temporal: %s, prompts %d ms%n",
        r.scenario(),
        r.calls(),
        r.cps() == 0 ? "full speed (" + r.concurrency() + " in flight)" : r.cps() + " calls/s",
        r.temporalServer(),
        r.promptMillis());
    out.printf(
        Locale.ROOT,
        "run took %.1f s; machine load average %.2f before, %.2f after (%d cores)%n%n",
        r.seconds(),
        r.loadAverageBefore(),
        r.loadAverageAfter(),
        Runtime.getRuntime().availableProcessors());
    BenchResult.Side s = r.irisx();
    BenchResult.Baseline b = r.baseline();
    row(
        out,
        "",
        "IRISX",
        b == null
            ? ""
            : "baseline (no-op, "
                + b.activities()
                + " act., "
                + b.localActivities()
                + " local, "
                + b.signals()
                + " sig.)");
    row(
        out,
        "calls accepted / started",
        s.accepted() + (s.rejected() > 0 ? " (+" + s.rejected() + " refused)" : ""),
        b == null ? "" : String.valueOf(b.started()));
    row(
        out,
        "achieved calls/s (started)",
        fmt(s.offeredPerSecond()),
        b == null ? "" : fmt(b.startedPerSecond()));
    row(
        out,
        "completed calls/s",
        fmt(s.completedPerSecond()),
        b == null
            ? ""
            : fmt(b.completedPerSecond())
                + (r.throughputRatio() == null
                    ? ""
                    : "   IRISX/baseline = " + r.throughputRatio()));
    row(
        out,
        "POST /v1/calls ms p50 / p99",
        s.post().cell(),
        b == null ? "" : "start " + b.start().cell());
    row(out, "API to originate ms p50 / p99", s.apiToOriginate().cell(), "");
    row(out, "hangup to CDR ms p50 / p99", s.hangupToCdr().cell(), "");
    row(out, "event to webhook ms p50 / p99", s.eventToWebhook().cell(), "");
    row(
        out,
        "call.completed webhook ms p50/p99",
        s.completedToWebhook().cell(),
        b == null ? "" : "start to end " + b.startToCompletion().cell());
    row(out, "answer to first audio ms p50/p99", s.answerToFirstAudio().cell(), "");
    costRows(out, r);
    if (r.hold() != null) {
      BenchProbe.Capacity c = r.hold().atPeak();
      row(out, "calls up at once (peak)", String.valueOf(r.hold().peakLiveChannels()), "");
      row(
          out,
          "stack heap after GC, all up",
          mib(c.heapUsedBytes()) + " of " + mib(c.heapMaxBytes()),
          "");
      row(out, "stack threads (peak)", c.threads() + " (" + r.hold().peakThreads() + ")", "");
      row(
          out,
          "Temporal requests/s, calls waiting",
          num1(r.hold().temporalRequestsPerSecond()),
          "task polls/s " + num1(r.hold().longPollsPerSecond()) + " (worker metrics)");
      BenchResult.WorkerCache cache = r.hold().cache();
      row(
          out,
          "workflow cache: size, misses",
          num(cache.size()) + ", " + num(cache.misses()),
          cache.size() == null ? "(the worker exports no temporal_sticky_cache_* metrics)" : "");
      row(
          out,
          "  evictions: for threads, all",
          num(cache.threadForcedEvictions()) + ", " + num(cache.evictions()),
          cache.size() == null ? "" : "(all: closed workflows included)");
    }
    LossCheck loss = r.loss();
    out.println();
    String deliveries =
        loss.completedDeliveries() == null ? "n/a" : String.valueOf(loss.completedDeliveries());
    String line =
        String.format(
            Locale.ROOT,
            "accepted %d = originates %d = CDRs %d = call.completed deliveries %s",
            loss.accepted(),
            loss.originates(),
            loss.cdrs(),
            deliveries);
    if (loss.ok()) {
      out.println("loss check: OK   " + line);
    } else {
      out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      out.println("!!! LOSS CHECK FAILED: " + line);
      loss.missing().forEach(m -> out.println("!!!   " + m));
      out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    }
    r.notes().forEach(n -> out.println("note: " + n));
    out.flush();
  }

  /** Per completed call: what Temporal counted in the histories, CPU-seconds and SQL. */
  private static void costRows(PrintStream out, BenchResult r) {
    BenchResult.EngineCost e = r.engine();
    out.println();
    out.printf(
        Locale.ROOT,
        "  per call (histories of %d calls, %d workflows)  call workflow   all its workflows%n",
        e.calls(),
        e.workflows());
    HistoryCost call = e.callWorkflows();
    HistoryCost all = e.allWorkflows();
    int n = e.calls();
    costRow(out, "workflow tasks", call.workflowTasks(), all.workflowTasks(), n);
    costRow(out, "activity tasks", call.activityTasks(), all.activityTasks(), n);
    costRow(out, "local activities", call.localActivities(), all.localActivities(), n);
    costRow(out, "signals", call.signals(), all.signals(), n);
    costRow(out, "timers", call.timers(), all.timers(), n);
    costRow(out, "child workflows", call.childWorkflows(), all.childWorkflows(), n);
    costRow(out, "history events", call.events(), all.events(), n);
    costRow(
        out, "billable actions (Temporal Cloud)", call.billableActions(), all.billableActions(), n);
    BenchResult.CpuPerCall cpu = r.cpu();
    row(
        out,
        "CPU s/call: stack JVM",
        seconds(cpu.stackJvm()),
        "(API, worker, simulated switch"
            + (r.backend().equals(BenchBackend.IN_PROCESS.flag())
                ? ", in-process Temporal)"
                : ")"));
    row(out, "CPU s/call: IRISX PostgreSQL", seconds(cpu.irisxDatabase()), "");
    row(out, "CPU s/call: Temporal + its database", seconds(cpu.temporal()), "");
    BenchResult.Sql sql = r.sql();
    row(
        out,
        "SQL statements/call",
        sql == null ? "n/a" : fmt(sql.perCall()),
        sql == null
            ? ""
            : "of which BEGIN, COMMIT, SET...: "
                + fmt(sql.transactionControlPerCall())
                + (r.warmupCalls() > 0 ? " (after " + r.warmupCalls() + " warm-up calls)" : ""));
  }

  private static void costRow(
      PrintStream out, String what, int callTotal, int allTotal, int calls) {
    row(
        out,
        "  " + what,
        calls == 0 ? "n/a" : fmt((double) callTotal / calls),
        calls == 0 ? "" : fmt((double) allTotal / calls));
  }

  private static String seconds(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String num1(Double value) {
    return value == null ? "n/a" : fmt(value);
  }

  static Path write(BenchResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    String stamp = result.startedAt().replace(":", "").replace("-", "").replaceAll("\\..*", "");
    Path file = dir.resolve(result.scenario() + "-" + result.backend() + "-" + stamp + ".json");
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(file.toFile(), result);
    json.writeValue(dir.resolve("latest.json").toFile(), result);
    return file;
  }

  private static void row(PrintStream out, String what, String irisx, String baseline) {
    out.printf(Locale.ROOT, "  %-34s %-22s %s%n", what, irisx, baseline);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String num(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "?" : (bytes >> 20) + " MiB";
  }
}
