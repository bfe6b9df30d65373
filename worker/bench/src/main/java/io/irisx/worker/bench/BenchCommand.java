package io.irisx.worker.bench;

import io.irisx.worker.dev.ToolCommand;
import java.nio.file.Path;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** A command of {@code ./irisx bench}, with the arguments several of them share. */
abstract class BenchCommand extends ToolCommand {

  BenchCommand(String name, String description) {
    super(name, description, "irisx bench " + name);
  }

  /** A whole number from {@code min} up. */
  static Argument count(Subparser subparser, String flag, int min, int byDefault, String help) {
    return subparser
        .addArgument(flag)
        .metavar("N")
        .type(Integer.class)
        .choices(Arguments.range(min, Integer.MAX_VALUE))
        .setDefault(byDefault)
        .help(help);
  }

  static void temporalArguments(Subparser subparser) {
    subparser
        .addArgument("--temporal")
        .choices("in-process", "cli", "postgres")
        .setDefault("in-process")
        .help(
            "the Temporal server: the Java SDK's test server in the stack's JVM, the temporal CLI"
                + " dev server (SQLite), or the server on PostgreSQL that"
                + " temporal-config/scripts/temporal-postgres.sh runs");
    subparser
        .addArgument("--temporal-target")
        .metavar("HOST:PORT")
        .help(
            "where the PostgreSQL-backed server listens (default "
                + BenchBackend.POSTGRES_DEFAULT_TARGET
                + ")");
  }

  static void reuseAndOutput(Subparser subparser) {
    subparser
        .addArgument("--reuse")
        .action(Arguments.storeTrue())
        .help("drive the stack that ./irisx bench serve runs instead of starting one");
    subparser
        .addArgument("--out")
        .metavar("DIR")
        .setDefault(BenchDriver.BENCH_DIR.toString())
        .help("where the result's JSON goes");
  }

  static BenchBackend backend(Namespace namespace) {
    return BenchBackend.parse(namespace.getString("temporal"));
  }

  static Path out(Namespace namespace) {
    return Path.of(namespace.getString("out"));
  }

  /** A run that lost calls, CDRs or webhooks fails the script or CI job that ran it. */
  static void requireLossless(int exitCode) {
    if (exitCode != 0) {
      throw new IllegalStateException("the run lost work: see the loss check above");
    }
  }
}
