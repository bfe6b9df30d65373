package io.irisx.worker.dev;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code ./irisx dev}: starts the local stack, prints where everything is, stops on Ctrl-C. */
public final class DevMain {
  private DevMain() {}

  public static void main(String[] args) throws InterruptedException {
    DevOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("irisx dev: " + e.getMessage());
      System.err.println(
          "usage: ./irisx dev [--fresh] [--temporal auto|cli|in-process] [--home DIR]");
      System.err.println(
          "                   [--esl-host H [--esl-port P] [--esl-password PW] [--dial-template T]]");
      System.err.println(
          "  --esl-host (or IRISX_ESL_HOST) uses that FreeSWITCH instead of the simulator;");
      System.err.println(
          "  IRISX_ESL_PORT, IRISX_ESL_PASSWORD and IRISX_DIAL_TEMPLATE give the other values.");
      System.exit(2);
      return;
    }
    long startedAt = System.nanoTime();
    System.out.println(
        "Starting the IRISX dev stack (logs in " + options.home().resolve("logs") + ") ...");
    DevStack stack;
    try {
      stack = DevStack.start(options);
    } catch (RuntimeException e) {
      System.err.println("irisx dev: could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping the IRISX dev stack ...");
                  stack.close();
                  System.out.println("Stopped.");
                  stopped.countDown();
                },
                "irisx-dev-shutdown"));
    printSummary(
        System.out,
        stack.manifest(),
        options.home(),
        (System.nanoTime() - startedAt) / 1e9,
        options.externalSwitch() != null);
    stopped.await();
  }

  static DevOptions parse(String[] args) {
    return parse(args, System.getenv());
  }

  /**
   * The options; a real FreeSWITCH replaces the simulator when {@code --esl-host} or {@code
   * IRISX_ESL_HOST} names one, with port, password and dial template from the other flags or
   * variables (flags win) and the worker.yml defaults otherwise.
   */
  static DevOptions parse(String[] args, Map<String, String> env) {
    DevOptions options = DevOptions.defaults(Path.of(".irisx"));
    String eslHost = blankToNull(env.get("IRISX_ESL_HOST"));
    String eslPort = blankToNull(env.get("IRISX_ESL_PORT"));
    String eslPassword = blankToNull(env.get("IRISX_ESL_PASSWORD"));
    String dialTemplate = blankToNull(env.get("IRISX_DIAL_TEMPLATE"));
    boolean switchFlags = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fresh" -> options = options.withFresh(true);
        case "--temporal" ->
            options = options.withTemporalMode(temporalMode(valueAfter(args, i++)));
        case "--home" -> options = options.withHome(Path.of(valueAfter(args, i++)));
        case "--esl-host" -> eslHost = valueAfter(args, i++);
        case "--esl-port" -> {
          eslPort = valueAfter(args, i++);
          switchFlags = true;
        }
        case "--esl-password" -> {
          eslPassword = valueAfter(args, i++);
          switchFlags = true;
        }
        case "--dial-template" -> {
          dialTemplate = valueAfter(args, i++);
          switchFlags = true;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (eslHost == null) {
      if (switchFlags) {
        throw new IllegalArgumentException(
            "--esl-port, --esl-password and --dial-template need --esl-host");
      }
      return options;
    }
    return options.withExternalSwitch(
        new ExternalSwitch(
            eslHost,
            eslPort == null ? ExternalSwitch.DEFAULT_PORT : port(eslPort),
            eslPassword == null ? ExternalSwitch.DEFAULT_PASSWORD : eslPassword,
            dialTemplate == null ? ExternalSwitch.DEFAULT_DIAL_TEMPLATE : dialTemplate));
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the ESL port is not a number: " + value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String valueAfter(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static TemporalMode temporalMode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "auto" -> TemporalMode.AUTO;
      case "cli" -> TemporalMode.CLI;
      case "in-process" -> TemporalMode.IN_PROCESS;
      default ->
          throw new IllegalArgumentException("--temporal is auto, cli or in-process, not " + value);
    };
  }

  static void printSummary(
      PrintStream out, DevManifest m, Path home, double seconds, boolean realSwitch) {
    out.printf(Locale.ROOT, "%nIRISX dev stack ready in %.1f s%n%n", seconds);
    out.printf("  API          %s   (admin %s)%n", m.apiUrl(), m.adminUrl());
    if (m.workerAdminUrl() != null) {
      out.printf("  Worker       admin %s%n", m.workerAdminUrl());
    }
    out.printf("  API key      %s   (tenant %s)%n", m.apiKey(), m.tenantId());
    out.printf("  Console      %s%n", m.consoleUrl());
    out.printf("               log in as %s / %s%n", m.consoleEmail(), m.consolePassword());
    out.printf("  Temporal     %s   (%s)%n", m.temporalAddress(), m.temporalServer());
    out.printf(
        "  Temporal UI  %s%n",
        m.temporalUiUrl() == null
            ? "none (install the temporal CLI for the UI)"
            : m.temporalUiUrl());
    if (realSwitch) {
      // A real switch's password is a secret: it is in the worker's YAML file, never on the
      // console.
      out.printf("  FreeSWITCH   %s:%d (a real switch; no simulator)%n", m.eslHost(), m.eslPort());
    } else {
      out.printf(
          "  FreeSWITCH   ESL simulator at %s:%d (password %s)%n",
          m.eslHost(), m.eslPort(), m.eslPassword());
      out.printf(
          "  Far end      %s   (the simulator's control API: inbound calls, digits, hangups)%n",
          m.simulatorControlUrl());
    }
    out.printf("  PostgreSQL   %s (user postgres)%n", m.databaseUrl());
    out.printf("  Redis        %s%n", m.redisAddress());
    out.printf("  S3           %s   bucket %s%n", m.s3Endpoint(), m.s3Bucket());
    out.printf("  Logs         %s%n", m.logFile());
    out.printf("  dev.json     %s%n%n", DevStack.manifestFile(home.toAbsolutePath()));
    out.printf(
        "Try it:%n  curl -s -X POST %s/v1/calls -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\%n"
            + "       -d '{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"}'%n%n",
        m.apiUrl(), m.apiKey());
    out.println("Ctrl-C stops everything.");
    out.flush();
  }
}
