package io.irisx.api;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Temporal server, the {@code temporal} CLI's dev server (in memory, no Web UI, on
 * 127.0.0.1), for a test class that needs what only it does, such as a dynamic config value. Tests
 * skip when the CLI is not on PATH, unless {@code IRISX_REQUIRE_TEMPORAL_CLI=1} (set by CI) makes
 * that a failure. Register it before the app extension that uses {@link #target()}.
 */
public final class CliTemporalServer implements BeforeAllCallback, AfterAllCallback {
  private final List<String> dynamicConfig;
  private Process process;
  private int port;

  /** {@code dynamicConfig}: {@code KEY=VALUE} pairs for {@code --dynamic-config-value}. */
  public CliTemporalServer(String... dynamicConfig) {
    this.dynamicConfig = List.of(dynamicConfig);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Optional<Path> cli = onPath();
    if (cli.isEmpty() && "1".equals(System.getenv("IRISX_REQUIRE_TEMPORAL_CLI"))) {
      fail("IRISX_REQUIRE_TEMPORAL_CLI=1 but there is no temporal CLI on PATH");
    }
    assumeTrue(cli.isPresent(), "the temporal CLI is not on PATH");
    port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.get().toString(),
                "server",
                "start-dev",
                "--headless",
                "--ip",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--http-port",
                Integer.toString(freePort()),
                "--metrics-port",
                Integer.toString(freePort()),
                "--log-level",
                "warn"));
    for (String value : dynamicConfig) {
      command.add("--dynamic-config-value");
      command.add(value);
    }
    Path log = Files.createTempFile("temporal-cli-", ".log");
    process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitListening(log);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  public String target() {
    return "127.0.0.1:" + port;
  }

  private void awaitListening(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the temporal dev server exited: " + Files.readString(log).strip());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new IllegalStateException("the temporal dev server did not listen within 60 s");
  }

  private static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "temporal");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
