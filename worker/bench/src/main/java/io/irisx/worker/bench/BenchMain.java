package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./irisx bench}: the load generator. Starts the bench stack in a process of its own (or
 * reuses a running one), runs a scenario through the public API, prints the table, writes the JSON,
 * and exits 1 when the loss check fails.
 */
public final class BenchMain {
  static final String USAGE =
      """
      usage: ./irisx bench api [--rps N] [--seconds S] [--get-clients N] [--get-seconds S]
             ./irisx bench [hello|ivr|hold] [--cps N] [--duration S] [--calls N] [--concurrency N]
                           [--temporal in-process|cli|postgres] [--temporal-target HOST:PORT]
                           [--hold S] [--drain S] [--prompt-ms N] [--no-baseline] [--reuse] [--out DIR]
             ./irisx bench webhooks [--events N] [--per-call K] [--cps N] [--concurrency N] [--drain S]
                           [--temporal in-process|cli|postgres] [--temporal-target HOST:PORT] [--reuse] [--out DIR]
             ./irisx bench serve [--temporal ...] [--prompt-ms N]   (a stack for --reuse, until Ctrl-C)
             ./irisx bench upload [--size-mb N] [--runs N] [--part-mb N]   (recording upload to S3Proxy)""";
  private static final Path BENCH_DIR = Path.of("target/bench");
  private static final Path STACK_HOME = BENCH_DIR.resolve("stack");
  private static final Duration STACK_START = Duration.ofMinutes(4);

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      if (args.length > 0 && args[0].equals("api")) {
        ApiBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        return;
      }
      if (args.length > 0 && args[0].equals("upload")) {
        UploadBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        return;
      }
      if (args.length > 0 && args[0].equals("serve")) {
        serve(args);
        return;
      }
      if (args.length > 0 && args[0].equals("webhooks")) {
        WebhookBenchOptions webhooks = parseWebhooks(args);
        System.exit(runWebhooks(webhooks));
        return;
      }
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("irisx bench: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    try {
      System.exit(run(options));
    } catch (IllegalStateException e) {
      System.err.println("irisx bench: " + e.getMessage());
      System.exit(2);
    }
  }

  static BenchOptions parse(String[] args) {
    Scenario scenario = Scenario.HELLO;
    int cps = 20;
    Integer duration = null;
    Integer calls = null;
    int concurrency = 64;
    int holdSeconds = 10;
    Integer drainSeconds = null;
    BenchBackend backend = BenchBackend.IN_PROCESS;
    String target = null;
    int promptMillis = BenchOptions.DEFAULT_PROMPT_MILLIS;
    boolean baseline = true;
    boolean reuse = false;
    Path out = BENCH_DIR;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--cps" -> cps = intValue(args, i++);
        case "--duration" -> duration = intValue(args, i++);
        case "--calls" -> calls = intValue(args, i++);
        case "--concurrency" -> concurrency = intValue(args, i++);
        case "--hold" -> holdSeconds = intValue(args, i++);
        case "--drain" -> drainSeconds = intValue(args, i++);
        case "--temporal" -> backend = BenchBackend.parse(value(args, i++));
        case "--temporal-target" -> target = value(args, i++);
        case "--prompt-ms" -> promptMillis = intValue(args, i++);
        case "--no-baseline" -> baseline = false;
        case "--reuse" -> reuse = true;
        case "--out" -> out = Path.of(value(args, i++));
        default -> {
          if (arg.startsWith("-") || i > 0) {
            throw new IllegalArgumentException("unknown option " + arg);
          }
          scenario = Scenario.parse(arg);
        }
      }
    }
    if (calls == null) {
      int seconds = duration == null ? 10 : duration;
      calls = cps == 0 ? 200 : Math.max(1, cps * seconds);
    }
    Duration drain =
        Duration.ofSeconds(drainSeconds != null ? drainSeconds : 60 + 4L * promptMillis / 1000);
    return new BenchOptions(
        scenario,
        cps,
        calls,
        concurrency,
        Duration.ofSeconds(holdSeconds),
        drain,
        baseline,
        backend,
        target,
        promptMillis,
        reuse,
        out);
  }

  /**
   * {@code webhooks [--events N] [--per-call K] [--cps N] ...}; 500 events, 5 per call, 50 events/s
   * by default.
   */
  static WebhookBenchOptions parseWebhooks(String[] args) {
    int events = 500;
    int perCall = 5;
    int perSecond = 50;
    int concurrency = 64;
    int drainSeconds = 120;
    BenchBackend backend = BenchBackend.IN_PROCESS;
    String target = null;
    boolean reuse = false;
    Path out = BENCH_DIR;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = intValue(args, i++);
        case "--per-call" -> perCall = intValue(args, i++);
        case "--cps" -> perSecond = intValue(args, i++);
        case "--concurrency" -> concurrency = intValue(args, i++);
        case "--drain" -> drainSeconds = intValue(args, i++);
        case "--temporal" -> backend = BenchBackend.parse(value(args, i++));
        case "--temporal-target" -> target = value(args, i++);
        case "--reuse" -> reuse = true;
        case "--out" -> out = Path.of(value(args, i++));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new WebhookBenchOptions(
        events,
        perCall,
        perSecond,
        concurrency,
        Duration.ofSeconds(drainSeconds),
        backend,
        target,
        reuse,
        out);
  }

  static int runWebhooks(WebhookBenchOptions options) throws Exception {
    Process stackProcess = null;
    BenchStackInfo stack;
    if (options.reuse()) {
      stack = reusedStack();
    } else {
      String target =
          options.temporalTarget() != null
              ? options.temporalTarget()
              : BenchBackend.POSTGRES_DEFAULT_TARGET;
      if (options.backend() == BenchBackend.POSTGRES) {
        ensurePostgresTemporal(target);
      }
      stackProcess = startStack(options.backend(), target, BenchOptions.DEFAULT_PROMPT_MILLIS);
      stack = awaitStack(stackProcess);
    }
    try {
      WebhookBenchResult result = new WebhookBench(stack, options).run();
      WebhookBenchReport.print(result, System.out);
      System.out.println("\nwritten: " + WebhookBenchReport.write(result, options.outputDir()));
      return result.lossless() ? 0 : 1;
    } finally {
      if (stackProcess != null) {
        stopStack(stackProcess);
      }
    }
  }

  private static BenchStackInfo reusedStack() throws IOException {
    BenchStackInfo stack =
        runningStack()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no running bench stack (start one with ./irisx bench serve)"));
    System.out.println(
        "reusing the bench stack of process " + stack.pid() + " (" + stack.temporalServer() + ")");
    return stack;
  }

  static int run(BenchOptions options) throws Exception {
    Process stackProcess = null;
    BenchStackInfo stack;
    if (options.reuse()) {
      stack = reusedStack();
    } else {
      if (options.backend() == BenchBackend.POSTGRES) {
        ensurePostgresTemporal(targetOf(options));
      }
      stackProcess = startStack(options.backend(), targetOf(options), options.stackPromptMillis());
      stack = awaitStack(stackProcess);
    }
    try {
      BenchResult result = new BenchRun(stack, options, callId -> {}).run();
      BenchReport.print(result, System.out);
      Path file = BenchReport.write(result, options.outputDir());
      System.out.println("\nwritten: " + file);
      return exitCode(result);
    } finally {
      if (stackProcess != null) {
        stopStack(stackProcess);
      }
    }
  }

  /**
   * 0 when nothing was lost, 1 otherwise: a lossy run must fail a script or CI job that runs it.
   */
  static int exitCode(BenchResult result) {
    return result.loss().ok() ? 0 : 1;
  }

  private static void serve(String[] args) throws Exception {
    List<String> stackArgs = new ArrayList<>(List.of("--home", STACK_HOME.toString()));
    for (int i = 1; i < args.length; i++) {
      stackArgs.add(args[i]);
    }
    BenchStackMain.main(stackArgs.toArray(String[]::new));
  }

  private static String targetOf(BenchOptions options) {
    return options.temporalTarget() != null
        ? options.temporalTarget()
        : BenchBackend.POSTGRES_DEFAULT_TARGET;
  }

  /**
   * Starts the PostgreSQL-backed Temporal with temporal-config/scripts/temporal-postgres.sh unless
   * it answers.
   */
  private static void ensurePostgresTemporal(String target)
      throws IOException, InterruptedException {
    if (listening(target)) {
      return;
    }
    Path script = Path.of("temporal-config/scripts/temporal-postgres.sh");
    System.out.println("starting the Temporal server on PostgreSQL (" + script + " start) ...");
    Process process = new ProcessBuilder("bash", script.toString(), "start").inheritIO().start();
    if (process.waitFor() != 0 || !listening(target)) {
      throw new IllegalStateException(
          "the Temporal server on PostgreSQL did not start; see " + script);
    }
  }

  private static boolean listening(String target) {
    int colon = target.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))),
          500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Process startStack(BenchBackend backend, String target, int promptMillis)
      throws IOException {
    Files.createDirectories(BENCH_DIR);
    requireNoOtherStack();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    String stackOpts =
        System.getenv().getOrDefault("IRISX_BENCH_STACK_OPTS", "-Xmx2g -XX:+UseG1GC");
    if (Runtime.version().feature() >= 24) {
      // gRPC's Netty and Guice still use sun.misc.Unsafe; their warnings are noise in the stack's
      // log.
      command.addAll(
          List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
    }
    for (String opt : stackOpts.trim().split("\\s+")) {
      if (!opt.isEmpty()) {
        command.add(opt);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BenchStackMain.class.getName(),
            "--home",
            STACK_HOME.toString(),
            "--temporal",
            backend.flag(),
            "--prompt-ms",
            Integer.toString(promptMillis),
            "--until-stdin-closes"));
    if (backend == BenchBackend.POSTGRES) {
      command.addAll(List.of("--temporal-target", target));
    }
    Path log = BENCH_DIR.resolve("stack.log");
    System.out.println(
        "starting the bench stack (" + backend.flag() + " Temporal; log " + log + ") ...");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * A new stack wipes {@code target/bench/stack}; a stack still running there (or still stopping:
   * its embedded PostgreSQL deletes its data directory last) would lose its files, or delete the
   * new stack's.
   */
  private static void requireNoOtherStack() {
    java.util.Optional<BenchStackInfo> other = stackInfo();
    if (other.isEmpty()) {
      return;
    }
    long pid = other.get().pid();
    if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
      throw new IllegalStateException(
          "a bench stack (process "
              + pid
              + ") still runs in "
              + STACK_HOME
              + ": run with --reuse, or stop it (Ctrl-C in its terminal, or kill "
              + pid
              + ") and wait until it has exited");
    }
  }

  private static BenchStackInfo awaitStack(Process process) throws InterruptedException {
    long deadline = System.nanoTime() + STACK_START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the bench stack stopped while starting; see target/bench/stack.log");
      }
      java.util.Optional<BenchStackInfo> stack = stackInfo();
      if (stack.isPresent() && stack.get().pid() == process.pid()) {
        return stack.get();
      }
      Thread.sleep(200);
    }
    process.destroy();
    throw new IllegalStateException("the bench stack did not start within " + STACK_START);
  }

  private static java.util.Optional<BenchStackInfo> runningStack() {
    return stackInfo().filter(stack -> new ProbeClient(stack.probeUrl()).alive());
  }

  /**
   * The stack's info file; empty when there is none, or none to read yet: a previous run's file
   * deleted, or a new one half written, as it is read.
   */
  private static java.util.Optional<BenchStackInfo> stackInfo() {
    try {
      return java.util.Optional.of(
          new ObjectMapper()
              .readValue(
                  STACK_HOME.resolve(BenchStackMain.INFO_FILE).toFile(), BenchStackInfo.class));
    } catch (IOException noneOrUnreadable) {
      return java.util.Optional.empty();
    }
  }

  private static void stopStack(Process process) throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException alreadyClosed) {
      // It is stopping anyway.
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static String value(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static int intValue(String[] args, int i) {
    String text = value(args, i);
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i] + " needs a whole number >= 0, not " + text);
    }
  }
}
