package io.irisx.worker.bench;

import io.dropwizard.core.setup.Bootstrap;
import java.time.Duration;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./irisx bench hello|ivr|hold}: calls through the public API at a pace, on a bench stack,
 * with the no-op baseline beside them; prints the table and writes the JSON.
 */
final class CallBenchCommand extends BenchCommand {
  private final Scenario scenario;

  CallBenchCommand(Scenario scenario, String description) {
    super(scenario.flag(), description);
    this.scenario = scenario;
  }

  @Override
  public void configure(Subparser subparser) {
    count(
        subparser, "--cps", 0, 20, "calls started per second; 0: as fast as --concurrency allows");
    subparser
        .addArgument("--duration")
        .metavar("S")
        .type(Integer.class)
        .choices(Arguments.range(1, Integer.MAX_VALUE))
        .help("seconds of calls at --cps (default 10); --calls says how many instead");
    subparser
        .addArgument("--calls")
        .metavar("N")
        .type(Integer.class)
        .choices(Arguments.range(1, Integer.MAX_VALUE))
        .help("how many calls (default --cps times --duration; 200 with --cps 0)");
    count(subparser, "--concurrency", 1, 64, "requests in flight at most");
    count(subparser, "--hold", 0, 10, "hold: seconds the calls stay up together").metavar("S");
    subparser
        .addArgument("--drain")
        .metavar("S")
        .type(Integer.class)
        .choices(Arguments.range(0, Integer.MAX_VALUE))
        .help(
            "seconds to wait after the last call for its CDR and webhooks (default 60 + 4 prompts)");
    count(
        subparser,
        "--prompt-ms",
        1,
        BenchOptions.DEFAULT_PROMPT_MILLIS,
        "how long the simulated switch plays a prompt");
    subparser
        .addArgument("--warmup")
        .metavar("N")
        .type(Integer.class)
        .choices(Arguments.range(0, Integer.MAX_VALUE))
        .help(
            "calls run and finished before the measured ones (default "
                + BenchOptions.DEFAULT_WARMUP
                + "; 0 for hold)");
    subparser
        .addArgument("--no-baseline")
        .dest("baseline")
        .action(Arguments.storeFalse())
        .help("skip the no-op baseline run");
    temporalArguments(subparser);
    reuseAndOutput(subparser);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    requireLossless(BenchDriver.run(options(namespace)));
  }

  BenchOptions options(Namespace namespace) {
    int cps = namespace.getInt("cps");
    Integer calls = namespace.getInt("calls");
    if (calls == null) {
      Integer duration = namespace.getInt("duration");
      calls = cps == 0 ? 200 : Math.max(1, cps * (duration == null ? 10 : duration));
    }
    int promptMillis = namespace.getInt("prompt_ms");
    Integer drainSeconds = namespace.getInt("drain");
    Duration drain =
        Duration.ofSeconds(drainSeconds != null ? drainSeconds : 60 + 4L * promptMillis / 1000);
    return new BenchOptions(
        scenario,
        cps,
        calls,
        namespace.getInt("concurrency"),
        Duration.ofSeconds(namespace.getInt("hold")),
        drain,
        namespace.getBoolean("baseline"),
        backend(namespace),
        namespace.getString("temporal_target"),
        promptMillis,
        namespace.getBoolean("reuse"),
        out(namespace),
        warmup(namespace));
  }

  private int warmup(Namespace namespace) {
    Integer warmup = namespace.getInt("warmup");
    if (warmup != null) {
      return warmup;
    }
    return scenario == Scenario.HOLD ? 0 : BenchOptions.DEFAULT_WARMUP;
  }
}
