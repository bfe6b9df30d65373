package io.irisx.worker.bench;

import io.dropwizard.core.setup.Bootstrap;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code ./irisx bench webhooks}: call events published and delivered to a local receiver. */
final class WebhookBenchCommand extends BenchCommand {

  WebhookBenchCommand() {
    super(
        "webhooks",
        "Webhook deliveries: call events published at a pace, delivered to a receiver on this"
            + " machine; prints the table and writes the JSON.");
  }

  @Override
  public void configure(Subparser subparser) {
    count(subparser, "--events", 1, 500, "how many call events to publish");
    count(subparser, "--per-call", 1, 5, "events per call, delivered in order");
    count(subparser, "--cps", 0, 50, "events published per second; 0: as fast as possible");
    count(subparser, "--concurrency", 1, 64, "calls' publishers in flight at most");
    subparser
        .addArgument("--shape")
        .choices(WebhookShape.CALL_WEBHOOKS.flag(), WebhookShape.STREAM.flag())
        .setDefault(WebhookShape.CALL_WEBHOOKS.flag())
        .help(
            "call-webhooks: one workflow per call and endpoint, attempts as local activities (what"
                + " the worker does); stream: the older shape, a stream per call and endpoint and a"
                + " delivery workflow per event, to compare");
    count(subparser, "--drain", 0, 120, "seconds to wait for the deliveries after the last event")
        .metavar("S");
    temporalArguments(subparser);
    reuseAndOutput(subparser);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    requireLossless(BenchDriver.runWebhooks(options(namespace)));
  }

  WebhookBenchOptions options(Namespace namespace) {
    return new WebhookBenchOptions(
        namespace.getInt("events"),
        namespace.getInt("per_call"),
        namespace.getInt("cps"),
        namespace.getInt("concurrency"),
        WebhookShape.ofFlag(namespace.getString("shape")),
        Duration.ofSeconds(namespace.getInt("drain")),
        backend(namespace),
        namespace.getString("temporal_target"),
        namespace.getBoolean("reuse"),
        out(namespace));
  }
}
