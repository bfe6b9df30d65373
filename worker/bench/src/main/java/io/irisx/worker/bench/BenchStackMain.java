package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The bench stack's process: starts {@link BenchStack}, writes {@code <home>/stack.json}, and runs
 * until its standard input closes (the load generator that started it has finished) or until Ctrl-C
 * ({@code ./irisx bench serve}).
 *
 * <p>Arguments: {@code --home DIR --temporal in-process|cli|postgres [--temporal-target H:P]
 * [--prompt-ms N] [--until-stdin-closes]}.
 */
public final class BenchStackMain {
  static final String INFO_FILE = "stack.json";

  private BenchStackMain() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of("target/bench/stack");
    BenchBackend backend = BenchBackend.IN_PROCESS;
    String target = null;
    int promptMillis = BenchOptions.DEFAULT_PROMPT_MILLIS;
    boolean untilStdinCloses = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--home" -> home = Path.of(args[++i]);
        case "--temporal" -> backend = BenchBackend.parse(args[++i]);
        case "--temporal-target" -> target = args[++i];
        case "--prompt-ms" -> promptMillis = Integer.parseInt(args[++i]);
        case "--until-stdin-closes" -> untilStdinCloses = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path infoFile = home.toAbsolutePath().resolve(INFO_FILE);
    Files.deleteIfExists(infoFile);
    BenchStack stack =
        BenchStack.start(
            new BenchStackOptions(home.toAbsolutePath(), backend, target, promptMillis));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                },
                "bench-stack-shutdown"));
    writeInfo(infoFile, stack.info());
    System.out.println(
        "bench stack ready: " + infoFile + " (Temporal: " + stack.info().temporalServer() + ")");
    System.out.flush();
    if (untilStdinCloses) {
      drain(System.in);
      System.exit(0);
    }
    stopped.await();
  }

  static void writeInfo(Path file, BenchStackInfo info) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(INFO_FILE + ".partial");
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(partial.toFile(), info);
    Files.move(
        partial,
        file,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void drain(InputStream in) {
    try {
      while (in.read() >= 0) {
        // Nothing is said on stdin; its end is the signal.
      }
    } catch (IOException closed) {
      // Same signal.
    }
  }
}
