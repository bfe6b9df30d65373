package io.irisx.worker.dev;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
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
      System.err.println("usage: ./irisx dev [--fresh] [--temporal auto|cli|in-process] [--home DIR]");
      System.exit(2);
      return;
    }
    long startedAt = System.nanoTime();
    System.out.println("Starting the IRISX dev stack (logs in " + options.home().resolve("logs") + ") ...");
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
    printSummary(System.out, stack.manifest(), options.home(), (System.nanoTime() - startedAt) / 1e9);
    stopped.await();
  }

  static DevOptions parse(String[] args) {
    DevOptions options = DevOptions.defaults(Path.of(".irisx"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fresh" -> options = options.withFresh(true);
        case "--temporal" -> options = options.withTemporalMode(temporalMode(valueAfter(args, i++)));
        case "--home" -> options = options.withHome(Path.of(valueAfter(args, i++)));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return options;
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
      default -> throw new IllegalArgumentException("--temporal is auto, cli or in-process, not " + value);
    };
  }

  static void printSummary(PrintStream out, DevManifest m, Path home, double seconds) {
    out.printf(Locale.ROOT, "%nIRISX dev stack ready in %.1f s%n%n", seconds);
    out.printf("  API          %s%n", m.apiUrl());
    out.printf("  API key      %s   (tenant %s)%n", m.apiKey(), m.tenantId());
    out.printf("  Temporal     %s   (%s)%n", m.temporalAddress(), m.temporalServer());
    out.printf("  Temporal UI  %s%n", m.temporalUiUrl() == null ? "none (install the temporal CLI for the UI)" : m.temporalUiUrl());
    out.printf("  FreeSWITCH   ESL simulator at %s:%d (password %s)%n", m.eslHost(), m.eslPort(), m.eslPassword());
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
