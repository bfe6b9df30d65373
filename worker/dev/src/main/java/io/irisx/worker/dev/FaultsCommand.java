package io.irisx.worker.dev;

import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./irisx faults [webhooks|calls|all] [--size N] [--outage S]}: the fault suite at length
 * (the test suite runs a small one, {@code FaultSuiteTest}). Prints a table of exact counts per
 * fault and exits non-zero when any does not hold.
 */
final class FaultsCommand extends ToolCommand {

  FaultsCommand() {
    super(
        "faults",
        "Kill PostgreSQL, Redis, Temporal and the worker (SIGKILL) and cut the ESL link, each in"
            + " the middle of a load of hello calls with a webhook endpoint, and count: calls"
            + " answered 201 = calls ended with a CDR, webhooks published = delivered in order,"
            + " nothing stuck, no duplicate originate, no CDR without a cause.",
        "irisx faults");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("suite")
        .nargs("?")
        .choices("webhooks", "calls", "all")
        .setDefault("all")
        .help(
            "webhooks: PostgreSQL, Redis, Temporal, worker; calls and all: those and the ESL link");
    subparser
        .addArgument("--size")
        .type(Integer.class)
        .setDefault(60)
        .help("hello calls per fault");
    subparser
        .addArgument("--outage")
        .type(Integer.class)
        .setDefault(60)
        .help("seconds each killed part stays down");
    subparser
        .addArgument("--cps")
        .type(Double.class)
        .setDefault(3.0)
        .help("calls per second offered");
    subparser
        .addArgument("--home")
        .metavar("DIR")
        .help("where the stack keeps its data (default: a fresh temporary folder)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    List<FaultRun.Fault> faults = faults(namespace.getString("suite"));
    int outage = namespace.getInt("outage");
    FaultRun.Options options =
        new FaultRun.Options(
            namespace.getInt("size"),
            Duration.ofMillis(Math.round(1000 / namespace.getDouble("cps"))),
            Duration.ofSeconds(outage),
            Duration.ofSeconds(180L + 2L * outage));
    String home = namespace.getString("home");
    Path dir = home != null ? Path.of(home) : Files.createTempDirectory("irisx-faults");
    List<FaultCounts> results = new FaultRun(options, System.out).run(dir, faults);
    System.out.println();
    FaultCounts.print(results, System.out);
    if (!results.stream().allMatch(FaultCounts::holds)) {
      throw new IllegalStateException("a fault lost, stuck or repeated something (see the table)");
    }
  }

  static List<FaultRun.Fault> faults(String suite) {
    return switch (suite) {
      case "webhooks" ->
          List.of(
              FaultRun.Fault.POSTGRES,
              FaultRun.Fault.REDIS,
              FaultRun.Fault.TEMPORAL,
              FaultRun.Fault.WORKER);
      default -> List.of(FaultRun.Fault.values());
    };
  }
}
