package io.irisx.worker.dev;

import io.dropwizard.core.setup.Bootstrap;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code ./irisx fs-sim}: the FreeSWITCH ESL simulator on its own, until Ctrl-C. */
final class SimulatorCommand extends ToolCommand {

  SimulatorCommand() {
    super(
        "fs-sim",
        "The FreeSWITCH ESL simulator on its own: a real TCP server speaking the event socket"
            + " protocol, with an HTTP control API for the far end (Ctrl-C stops it).",
        "irisx fs-sim");
  }

  @Override
  public void configure(Subparser subparser) {
    SimulatorOptions defaults = SimulatorOptions.defaults();
    subparser.addArgument("--host").setDefault(defaults.host()).help("the address to listen on");
    subparser
        .addArgument("--port")
        .type(Integer.class)
        .choices(Arguments.range(0, 65535))
        .setDefault(defaults.port())
        .help("the event socket port (0: any free port)");
    subparser
        .addArgument("--password")
        .setDefault(defaults.password())
        .help("the event socket password");
    subparser
        .addArgument("--control-port")
        .type(Integer.class)
        .choices(Arguments.range(0, 65535))
        .help("the HTTP control API's port (0: any free port; none when not given)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    SimulatorOptions options =
        SimulatorOptions.defaults()
            .withHost(namespace.getString("host"))
            .withPort(namespace.getInt("port"))
            .withPassword(namespace.getString("password"));
    Integer controlPort = namespace.getInt("control_port");
    if (controlPort != null) {
      options = options.withControlPort(controlPort);
    }
    EslSimulator simulator = EslSimulator.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "fs-sim-shutdown"));
    System.out.printf(
        "ESL simulator on %s:%d, Core-UUID %s%n",
        simulator.host(), simulator.port(), simulator.coreUuid());
    if (simulator.controlUrl() != null) {
      System.out.printf("ESL simulator control API on %s%n", simulator.controlUrl());
    }
    stopped.await();
  }
}
