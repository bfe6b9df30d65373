package io.irisx.worker.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schemathesis (PyPI, pinned) over the API of a running dev stack: every operation of the OpenAPI
 * document, every check, a fixed seed. Installed on first use into a Python virtual environment in
 * the tools folder, as the temporal CLI is. Its configuration ({@code
 * irisx/schemathesis/schemathesis.toml}) says the few things the document cannot say.
 */
public final class Schemathesis {
  public static final String VERSION = "4.32.5";

  static final String CONFIG = "irisx/schemathesis/schemathesis.toml";

  private static final Pattern CASES =
      Pattern.compile("(\\d+) generated(?:, (\\d+) found (\\d+) unique failures?)?");

  /** What a run found; {@code output} is Schemathesis's own report. */
  public record Result(int exitCode, int casesGenerated, int failures, List<String> output) {
    public boolean passed() {
      return exitCode == 0 && failures == 0 && casesGenerated > 0;
    }
  }

  /** One run's size: examples per operation and the seed. */
  public record Run(int examples, long seed) {}

  private final Path tools;

  public Schemathesis(Path tools) {
    this.tools = tools;
  }

  Path environment() {
    return tools.resolve("schemathesis-" + VERSION);
  }

  /** The {@code st} executable, installing it first when it is not there. */
  public Path findOrInstall(PrintStream progress) {
    Path env = environment();
    Path st = env.resolve("bin").resolve("st");
    Path done = env.resolve(".installed");
    try {
      Files.createDirectories(tools);
      try (FileChannel lockFile =
              FileChannel.open(
                  tools.resolve(".install.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        if (Files.exists(done) && Files.isExecutable(st)) {
          return st;
        }
        progress.printf(
            "Installing schemathesis %s from PyPI into %s (python3 -m venv, pip install)%n",
            VERSION, env.toAbsolutePath());
        run(List.of("python3", "-m", "venv", "--clear", env.toString()), Map.of(), progress);
        run(
            List.of(
                env.resolve("bin").resolve("pip").toString(),
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "schemathesis==" + VERSION),
            Map.of(),
            progress);
        Files.writeString(done, VERSION + "\n");
        return st;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not install schemathesis: " + e.getMessage(), e);
    }
  }

  /** Runs Schemathesis against {@code manifest}'s API; its report goes to {@code out}. */
  public Result run(DevManifest manifest, Run size, Path workDir, PrintStream out) {
    Path st = findOrInstall(out);
    try {
      Files.createDirectories(workDir);
      Path config = workDir.resolve("schemathesis.toml");
      try (InputStream in = Schemathesis.class.getClassLoader().getResourceAsStream(CONFIG)) {
        if (in == null) {
          throw new IllegalStateException(CONFIG + " is missing from the class path");
        }
        Files.write(config, in.readAllBytes());
      }
      List<String> command =
          List.of(
              st.toString(),
              "--config-file",
              config.toString(),
              "run",
              manifest.apiUrl() + "/v1/openapi.json",
              "--checks",
              "all",
              "--max-examples",
              Integer.toString(size.examples()),
              "--seed",
              Long.toString(size.seed()),
              "--workers",
              "1",
              "--generation-database",
              "none",
              "--no-color",
              "--report",
              "junit",
              "--report-dir",
              workDir.resolve("report").toString());
      Map<String, String> env =
          Map.of(
              "IRISX_API_KEY", manifest.apiKey(),
              "IRISX_OPERATOR_KEY", manifest.operatorKey(),
              "PYTHONUNBUFFERED", "1");
      Finished finished = run(command, env, out);
      List<String> output = finished.lines();
      int generated = 0;
      int failures = 0;
      for (String line : output) {
        Matcher matcher = CASES.matcher(line);
        if (line.contains(" generated") && matcher.find()) {
          generated = Integer.parseInt(matcher.group(1));
          failures = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        }
      }
      return new Result(finished.exitCode(), generated, failures, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Finished(int exitCode, List<String> lines) {}

  /**
   * Runs a process, copying its output to {@code out}. Only Schemathesis itself may end non-zero
   * (it has found something); an installer that does is an error.
   */
  private static Finished run(List<String> command, Map<String, String> env, PrintStream out)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        out.println(line);
      }
    }
    int exitCode;
    try {
      // Its output has ended: it has exited, or is about to.
      exitCode = process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command.get(0), e);
    }
    if (exitCode != 0 && !command.get(0).endsWith("/st")) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (exit " + exitCode + ")");
    }
    return new Finished(exitCode, lines);
  }

  /** The command line a person runs for the same run. */
  public static String commandLine(Run size) {
    return "./irisx schemathesis --examples " + size.examples() + " --seed " + size.seed();
  }

  static Optional<String> summaryLine(List<String> output) {
    return output.stream().filter(line -> line.contains(" generated")).reduce((a, b) -> b);
  }
}
