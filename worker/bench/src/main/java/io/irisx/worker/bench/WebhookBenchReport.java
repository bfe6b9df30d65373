package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.irisx.temporal.cost.HistoryCost;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The console table and the JSON file of a webhook bench. */
final class WebhookBenchReport {
  private WebhookBenchReport() {}

  static void print(WebhookBenchResult r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%nIRISX bench: webhooks (%s shape), %d events (%d per call) at %s, Temporal: %s%n",
        r.shape(),
        r.events(),
        r.eventsPerCall(),
        r.perSecond() == 0
            ? "full speed (" + r.concurrency() + " calls' publishers in flight)"
            : r.perSecond() + " events/s",
        r.temporalServer());
    out.printf(
        Locale.ROOT,
        "run took %.1f s; machine load average %.2f before, %.2f after (%d cores)%n%n",
        r.seconds(),
        r.loadAverageBefore(),
        r.loadAverageAfter(),
        Runtime.getRuntime().availableProcessors());
    row(out, "events published", String.valueOf(r.published()));
    row(out, "published events/s", fmt(r.publishedPerSecond()));
    row(out, "publish ms p50 / p99", r.publish().cell());
    row(
        out,
        "event to 1st attempt ms p50 / p99",
        r.eventToFirstAttempt().cell()
            + (r.eventToFirstAttempt().maxMs() == null
                ? ""
                : "   (max " + r.eventToFirstAttempt().maxMs() + ")"));
    row(out, "deliveries/s (1st attempts)", fmt(r.deliveredPerSecond()));
    costRows(out, r);
    out.println();
    String line =
        String.format(
            Locale.ROOT,
            "published %d = received %d = succeeded rows %d",
            r.published(),
            r.received(),
            r.succeededRows());
    out.println(
        r.lossless()
            ? "loss check: OK   " + line
            : "!!! LOSS CHECK FAILED: " + line + " (of " + r.events() + ")");
    r.notes().forEach(n -> out.println("note: " + n));
    out.flush();
  }

  static Path write(WebhookBenchResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    String stamp = result.startedAt().replace(":", "").replace("-", "").replaceAll("\\..*", "");
    Path file = dir.resolve("webhooks-" + result.backend() + "-" + stamp + ".json");
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(file.toFile(), result);
    return file;
  }

  /** Per event, from the histories read after the run; n/a when none could be read. */
  private static void costRows(PrintStream out, WebhookBenchResult r) {
    out.println();
    HistoryCost c = r.cost();
    int n = r.costedEvents();
    out.printf(
        Locale.ROOT,
        "  per event (histories of %d events' webhook workflows, %d runs)%n",
        n,
        r.costedWorkflows());
    row(out, "workflow tasks", perEvent(c.workflowTasks(), n, r));
    row(out, "activity tasks", perEvent(c.activityTasks(), n, r));
    row(out, "local activities", perEvent(c.localActivities(), n, r));
    row(out, "signals", perEvent(c.signals(), n, r));
    row(out, "timers", perEvent(c.timers(), n, r));
    row(out, "workflow executions", perEvent(r.costedWorkflows(), n, r));
    row(out, "history events", perEvent(c.events(), n, r));
    row(out, "billable actions (Temporal Cloud)", perEvent(c.billableActions(), n, r));
  }

  private static String perEvent(int total, int events, WebhookBenchResult r) {
    return events == 0 || r.costedWorkflows() == 0
        ? "n/a"
        : String.format(Locale.ROOT, "%.2f", (double) total / events);
  }

  private static void row(PrintStream out, String what, String value) {
    out.printf(Locale.ROOT, "  %-36s %s%n", what, value);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
