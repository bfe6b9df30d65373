package io.irisx.activities.esl.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line: {@code --port N --password P --control-port N}; stops
 * on Ctrl-C.
 */
public final class EslSimulatorMain {
  private EslSimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    SimulatorOptions options = SimulatorOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i, "--port")));
        case "--password" -> options = options.withPassword(value(args, ++i, "--password"));
        case "--host" -> options = options.withHost(value(args, ++i, "--host"));
        case "--control-port" ->
            options = options.withControlPort(Integer.parseInt(value(args, ++i, "--control-port")));
        default -> {
          System.err.println(
              "usage: EslSimulatorMain [--host H] [--port N] [--password P] [--control-port N]");
          System.exit(2);
        }
      }
    }
    EslSimulator simulator = EslSimulator.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    System.out.printf(
        "ESL simulator on %s:%d, Core-UUID %s%n",
        simulator.host(), simulator.port(), simulator.coreUuid());
    if (simulator.controlUrl() != null) {
      System.out.printf("ESL simulator control API on %s%n", simulator.controlUrl());
    }
    stopped.await();
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[index];
  }
}
