package io.irisx.worker.dev;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.ArgumentGroup;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code ./irisx dev}: starts the local stack, prints where everything is, stops on Ctrl-C. */
final class DevCommand extends ToolCommand {
  private static final String ESL_HOST = "esl_host";
  private static final String ESL_PORT = "esl_port";
  private static final String ESL_PASSWORD = "esl_password";
  private static final String DIAL_TEMPLATE = "dial_template";

  DevCommand() {
    super(
        "dev",
        "The whole platform on this machine on embedded defaults, on 127.0.0.1 (Ctrl-C stops it).",
        "irisx dev");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--fresh")
        .action(Arguments.storeTrue())
        .help("wipe the stack's home first (its data, logs and keys; not the installed tools)");
    subparser
        .addArgument("--temporal")
        .choices("auto", "cli", "in-process")
        .setDefault("auto")
        .help(
            "auto: the temporal CLI dev server (from PATH, or installed into "
                + TemporalCli.defaultToolsDirectory()
                + " on first use), or the in-process server when it cannot be installed; "
                + "cli: the CLI dev server or fail; in-process: the Java SDK's test server "
                + "(no UI, not durable)");
    subparser
        .addArgument("--home")
        .metavar("DIR")
        .setDefault(".irisx")
        .help("where the stack keeps its data, logs, configuration and dev.json");
    subparser
        .addArgument("--ports")
        .metavar("BASE")
        .type(Integer.class)
        .choices(Arguments.range(DevPorts.MIN_BASE, DevPorts.MAX_BASE))
        .help(
            "listen on BASE to BASE+"
                + (DevPorts.COUNT - 1)
                + " (API, its admin, worker, ESL, far-end control, PostgreSQL, Redis, S3, Temporal,"
                + " Temporal UI) instead of the documented ports, so that two stacks run side by"
                + " side");
    ArgumentGroup external =
        subparser
            .addArgumentGroup("a real FreeSWITCH instead of the simulator")
            .description(
                "IRISX_ESL_HOST, IRISX_ESL_PORT, IRISX_ESL_PASSWORD and IRISX_DIAL_TEMPLATE give"
                    + " the same values; the flags win");
    external.addArgument("--esl-host").metavar("H").help("the switch's event socket host");
    external
        .addArgument("--esl-port")
        .metavar("P")
        .help("its event socket port (default " + ExternalSwitch.DEFAULT_PORT + ")");
    external.addArgument("--esl-password").metavar("PW").help("its event socket password");
    external
        .addArgument("--dial-template")
        .metavar("T")
        .help(
            "how to dial a number, with {to} (default "
                + ExternalSwitch.DEFAULT_DIAL_TEMPLATE
                + ")");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    DevOptions options = options(namespace, System.getenv());
    long startedAt = System.nanoTime();
    System.out.println(
        "Starting the IRISX dev stack (logs in " + options.home().resolve("logs") + ") ...");
    DevStack stack = DevStack.start(options);
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

  /**
   * The options; a real FreeSWITCH replaces the simulator when {@code --esl-host} or {@code
   * IRISX_ESL_HOST} names one, with port, password and dial template from the other flags or
   * variables (flags win) and the worker.yml defaults otherwise.
   */
  static DevOptions options(Namespace namespace, Map<String, String> env) {
    DevOptions options =
        DevOptions.defaults(Path.of(namespace.getString("home")))
            .withFresh(namespace.getBoolean("fresh"))
            .withTemporalMode(temporalMode(namespace.getString("temporal")));
    Integer base = namespace.getInt("ports");
    if (base != null) {
      options = options.withPorts(DevPorts.fromBase(base));
    }
    String eslHost = firstOf(namespace.getString(ESL_HOST), env.get("IRISX_ESL_HOST"));
    String eslPort = firstOf(namespace.getString(ESL_PORT), env.get("IRISX_ESL_PORT"));
    String eslPassword = firstOf(namespace.getString(ESL_PASSWORD), env.get("IRISX_ESL_PASSWORD"));
    String dialTemplate =
        firstOf(namespace.getString(DIAL_TEMPLATE), env.get("IRISX_DIAL_TEMPLATE"));
    if (eslHost == null) {
      boolean switchFlags =
          namespace.getString(ESL_PORT) != null
              || namespace.getString(ESL_PASSWORD) != null
              || namespace.getString(DIAL_TEMPLATE) != null;
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

  private static String firstOf(String flag, String variable) {
    if (flag != null) {
      return flag;
    }
    return variable == null || variable.isBlank() ? null : variable;
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the ESL port is not a number: " + value);
    }
  }

  private static TemporalMode temporalMode(String value) {
    return switch (value) {
      case "cli" -> TemporalMode.CLI;
      case "in-process" -> TemporalMode.IN_PROCESS;
      default -> TemporalMode.AUTO;
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
        m.temporalUiUrl() == null ? "none (" + m.temporalServer() + ")" : m.temporalUiUrl());
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
