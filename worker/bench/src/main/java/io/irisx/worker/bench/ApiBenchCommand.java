package io.irisx.worker.bench;

import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./irisx bench api}: the public API's own latency and throughput (see {@link ApiBench}).
 */
final class ApiBenchCommand extends BenchCommand {

  ApiBenchCommand() {
    super(
        "api",
        "The public API's own figures on an ephemeral stack in this process: POST /v1/calls at a"
            + " fixed rate for the latency, then GET /v1/calls/{id} flat out for the throughput.");
  }

  @Override
  public void configure(Subparser subparser) {
    count(subparser, "--rps", 1, 20, "POST /v1/calls per second");
    count(subparser, "--seconds", 1, 15, "seconds of POSTs").metavar("S");
    count(subparser, "--get-clients", 1, 16, "GET clients, each as fast as the API answers");
    count(subparser, "--get-seconds", 1, 10, "seconds of GETs").metavar("S");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    ApiBench.run(
        namespace.getInt("rps"),
        namespace.getInt("seconds"),
        namespace.getInt("get_clients"),
        namespace.getInt("get_seconds"));
  }
}
