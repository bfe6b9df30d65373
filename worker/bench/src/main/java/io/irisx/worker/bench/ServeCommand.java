package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./irisx bench serve}: the bench stack's process. Starts {@link BenchStack}, writes {@code
 * <home>/stack.json}, and runs until Ctrl-C, so that benches run with {@code --reuse} drive it; the
 * bench commands also run it in a process of their own, until its standard input closes (the load
 * generator that started it has finished).
 */
final class ServeCommand extends BenchCommand {
  static final String INFO_FILE = "stack.json";

  ServeCommand() {
    super(
        "serve",
        "A bench stack for benches run with --reuse, until Ctrl-C (its description in"
            + " target/bench/stack/stack.json).");
  }

  @Override
  public void configure(Subparser subparser) {
    temporalArguments(subparser);
    count(
        subparser,
        "--prompt-ms",
        1,
        BenchOptions.DEFAULT_PROMPT_MILLIS,
        "how long the simulated switch plays a prompt");
    subparser
        .addArgument("--home")
        .metavar("DIR")
        .setDefault(BenchDriver.STACK_HOME.toString())
        .help("where the stack keeps its data (wiped at start)");
    // For the load generator that runs the stack in a process of its own.
    subparser
        .addArgument("--until-stdin-closes")
        .action(Arguments.storeTrue())
        .help(Arguments.SUPPRESS);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    Path home = Path.of(namespace.getString("home")).toAbsolutePath();
    Path infoFile = home.resolve(INFO_FILE);
    Files.deleteIfExists(infoFile);
    BenchStack stack =
        BenchStack.start(
            new BenchStackOptions(
                home,
                backend(namespace),
                namespace.getString("temporal_target"),
                namespace.getInt("prompt_ms")));
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
    if (namespace.getBoolean("until_stdin_closes")) {
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
