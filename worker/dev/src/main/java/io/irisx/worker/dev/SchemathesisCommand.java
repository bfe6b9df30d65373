package io.irisx.worker.dev;

import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./irisx schemathesis [--examples N] [--seed S]}: starts a dev stack of its own (free
 * ports, a temporary home), runs Schemathesis over every operation of the API's OpenAPI document
 * with every check, prints what it generated and found, and exits non-zero on any failure.
 */
final class SchemathesisCommand extends ToolCommand {
  static final int DEFAULT_EXAMPLES = 100;
  static final long DEFAULT_SEED = 20261202L;

  SchemathesisCommand() {
    super(
        "schemathesis",
        "Run Schemathesis "
            + Schemathesis.VERSION
            + " (installed from PyPI on first use) over the API of a dev stack of its own: every"
            + " operation, every check, a fixed seed.",
        "irisx schemathesis");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--examples")
        .type(Integer.class)
        .metavar("N")
        .setDefault(DEFAULT_EXAMPLES)
        .help("test cases per operation and phase (default " + DEFAULT_EXAMPLES + ")");
    subparser
        .addArgument("--seed")
        .type(Long.class)
        .metavar("S")
        .setDefault(DEFAULT_SEED)
        .help("the random seed, for a run that can be repeated (default " + DEFAULT_SEED + ")");
    subparser
        .addArgument("--tools")
        .metavar("DIR")
        .setDefault(TemporalCli.defaultToolsDirectory().toString())
        .help("the tools folder schemathesis is installed into");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    Schemathesis.Run size =
        new Schemathesis.Run(namespace.getInt("examples"), namespace.getLong("seed"));
    if (size.examples() < 1) {
      throw new IllegalArgumentException("--examples must be 1 or more");
    }
    Schemathesis schemathesis = new Schemathesis(Path.of(namespace.getString("tools")));
    schemathesis.findOrInstall(System.out);
    Path home;
    try {
      home = Files.createTempDirectory("irisx-schemathesis-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Schemathesis.Result result;
    System.out.println("Starting a dev stack for the run in " + home + " ...");
    try (DevStack stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.AUTO))) {
      result = schemathesis.run(stack.manifest(), size, home.resolve("schemathesis"), System.out);
    }
    System.out.printf(
        "%n%-12s %s%n%-12s %d%n%-12s %d%n%-12s %d%n%-12s %s%n",
        "command",
        Schemathesis.commandLine(size),
        "seed",
        size.seed(),
        "cases",
        result.casesGenerated(),
        "failures",
        result.failures(),
        "result",
        result.passed() ? "passed" : "FAILED (exit " + result.exitCode() + ")");
    if (!result.passed()) {
      System.exit(1);
    }
  }
}
