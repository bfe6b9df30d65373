package io.irisx.worker.dev;

import io.temporal.testserver.TestServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Temporal server on 127.0.0.1: the {@code temporal} CLI dev server as a child process (durable
 * in a SQLite file, Web UI on its own port) or the in-process test server. Either way callers get a
 * gRPC target and use the same client code.
 */
final class LocalTemporal implements AutoCloseable {
  private final String host;
  private final int port;
  private final Integer uiPort;
  private final Process cliServer;
  private final TestServer.PortBoundTestServer inProcessServer;

  private LocalTemporal(
      int port, Integer uiPort, Process cliServer, TestServer.PortBoundTestServer inProcess) {
    this(LocalPorts.HOST, port, uiPort, cliServer, inProcess);
  }

  private LocalTemporal(
      String host,
      int port,
      Integer uiPort,
      Process cliServer,
      TestServer.PortBoundTestServer inProcess) {
    this.host = host;
    this.port = port;
    this.uiPort = uiPort;
    this.cliServer = cliServer;
    this.inProcessServer = inProcess;
  }

  static LocalTemporal start(TemporalMode mode, int port, int uiPort, Path home) {
    Optional<Path> cli = findCli();
    if (mode == TemporalMode.CLI && cli.isEmpty()) {
      throw new IllegalStateException(
          "the temporal CLI is not on PATH; install it with "
              + "'go install github.com/temporalio/cli/cmd/temporal@v1.5.1'");
    }
    if (mode != TemporalMode.IN_PROCESS && cli.isPresent()) {
      return startCli(cli.get(), port, uiPort, home);
    }
    LocalPorts.requireFree(port, "the Temporal test server");
    return new LocalTemporal(port, null, null, TestServer.createPortBoundServer(port, true));
  }

  /**
   * A Temporal server someone else runs (e.g. on PostgreSQL), at {@code host:port}; never stopped
   * here.
   */
  static LocalTemporal external(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("a Temporal target is host:port, not " + target);
    }
    String host = target.substring(0, colon);
    int port = Integer.parseInt(target.substring(colon + 1));
    LocalPorts.awaitListening(
        host, port, Duration.ofSeconds(30), "the Temporal server at " + target);
    return new LocalTemporal(host, port, null, null, null);
  }

  /** The {@code temporal} executable on PATH, or in Go's bin directory where go install puts it. */
  static Optional<Path> findCli() {
    String path = System.getenv().getOrDefault("PATH", "");
    List<Path> dirs = new java.util.ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        dirs.add(Path.of(dir));
      }
    }
    dirs.add(goBin());
    for (Path dir : dirs) {
      Path candidate = dir.resolve("temporal");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Path goBin() {
    String gopath = System.getenv("GOPATH");
    return gopath == null
        ? Path.of(System.getProperty("user.home"), "go", "bin")
        : Path.of(gopath, "bin");
  }

  private static LocalTemporal startCli(Path cli, int port, int uiPort, Path home) {
    LocalPorts.requireFree(port, "the Temporal dev server");
    LocalPorts.requireFree(uiPort, "the Temporal Web UI");
    try {
      Files.createDirectories(home.resolve("logs"));
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  cli.toString(),
                  "server",
                  "start-dev",
                  "--ip",
                  LocalPorts.HOST,
                  "--port",
                  Integer.toString(port),
                  "--ui-port",
                  Integer.toString(uiPort),
                  "--db-filename",
                  home.resolve("temporal.db").toString(),
                  "--log-level",
                  "warn"));
      for (String value : DevDynamicConfig.load().flagValues()) {
        command.add("--dynamic-config-value");
        command.add(value);
      }
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("logs").resolve("temporal.log").toFile())
              .start();
      LocalTemporal temporal = new LocalTemporal(port, uiPort, process, null);
      try {
        LocalPorts.awaitListening(port, Duration.ofSeconds(60), "the Temporal dev server");
        LocalPorts.awaitListening(uiPort, Duration.ofSeconds(30), "the Temporal Web UI");
      } catch (RuntimeException e) {
        temporal.close();
        throw e;
      }
      return temporal;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + cli, e);
    }
  }

  String target() {
    return host + ":" + port;
  }

  /** What kind of server this is, for dev.json and the console. */
  String description() {
    if (cliServer != null) {
      return "temporal CLI dev server";
    }
    return inProcessServer != null ? "in-process test server" : "external server at " + target();
  }

  /** The Web UI's address, when this server has one. */
  Optional<String> uiUrl() {
    return uiPort == null
        ? Optional.empty()
        : Optional.of("http://" + LocalPorts.HOST + ":" + uiPort);
  }

  boolean isCli() {
    return cliServer != null;
  }

  @Override
  public void close() {
    if (inProcessServer != null) {
      inProcessServer.close();
    }
    if (cliServer != null) {
      cliServer.destroy();
      try {
        if (!cliServer.waitFor(15, TimeUnit.SECONDS)) {
          cliServer.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
