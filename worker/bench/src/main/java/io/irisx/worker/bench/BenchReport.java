package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    if (r.hold() != null) {
      BenchProbe.Capacity c = r.hold().atPeak();
      row(out, "calls up at once (peak)", String.valueOf(r.hold().peakLiveChannels()), "");
      row(
          out,
          "stack heap after GC, all up",
          mib(c.heapUsedBytes()) + " of " + mib(c.heapMaxBytes()),
          "");
      row(out, "stack threads (peak)", c.threads() + " (" + r.hold().peakThreads() + ")", "");
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
