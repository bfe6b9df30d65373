package io.irisx.worker.dev;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;

/**
 * The dev tools' command line: {@code dev} (the local stack), {@code fs-sim} (the ESL simulator on
 * its own) and {@code temporal-cli} (installs the temporal CLI the stack uses). The launcher runs
 * {@code ./irisx dev ...} as {@code dev ...}.
 */
public final class IrisxDevApplication extends ToolApplication {

  public static void main(String[] args) throws Exception {
    new IrisxDevApplication().runAndExit(args);
  }

  @Override
  public String getName() {
    return "irisx-dev";
  }

  @Override
  public void initialize(Bootstrap<Configuration> bootstrap) {
    bootstrap.addCommand(new DevCommand());
    bootstrap.addCommand(new SimulatorCommand());
    bootstrap.addCommand(new TemporalCliCommand());
    bootstrap.addCommand(new FaultsCommand());
    bootstrap.addCommand(new SchemathesisCommand());
  }
}
