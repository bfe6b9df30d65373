package io.irisx.worker.dev;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Temporal server on 127.0.0.1: the {@code temporal} CLI dev server as a child process (durable
 * in a SQLite file, Web UI on its own port) or the Java SDK's test server in this JVM. Either way
 * callers get a gRPC target and use the same client code.
 */
final class LocalTemporal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalTemporal.class);

  private final String host;
  private final int port;
  private final Integer uiPort;
  private final String description;
  private final Process cliServer;
  private final Path home;
  private final InProcessServer inProcessServer;

  private LocalTemporal(
      String host,
      int port,
      Integer uiPort,
      String description,
      Process cliServer,
      Path home,
      InProcessServer inProcess) {
    this.host = host;
    this.port = port;
    this.uiPort = uiPort;
    this.description = description;
    this.cliServer = cliServer;
    this.home = home;
    this.inProcessServer = inProcess;
  }

  /** The test server's services behind a gRPC server of our own, bound to 127.0.0.1 only. */
  private record InProcessServer(TestServicesStarter services, Server server) {}

  /**
   * The server the mode asks for. {@code AUTO} and {@code CLI} run the temporal CLI, installing it
   * into {@code tools} when it is not there; {@code AUTO} falls back to the in-process server when
   * the CLI cannot be installed (say, offline), and says why.
   */
  static LocalTemporal start(TemporalMode mode, int port, int uiPort, Path home, Path tools) {
    if (mode == TemporalMode.IN_PROCESS) {
      return inProcess(port, "in-process test server");
    }
    Path cli;
    try {
      cli = TemporalCli.findOrInstall(tools, System.out);
    } catch (RuntimeException e) {
      if (mode == TemporalMode.CLI) {
        throw e;
      }
      log.warn(
          "no temporal CLI ({}): using the in-process Temporal server, without the Web UI",
          e.getMessage());
      return inProcess(port, "in-process test server, as the temporal CLI could not be installed");
    }
    return startCli(cli, port, uiPort, home);
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
    return new LocalTemporal(host, port, null, "external server at " + target, null, null, null);
  }

  /**
   * The Java SDK's test server. Its own port-bound variant listens on every interface; this one
   * serves the same services on 127.0.0.1 only, like the rest of the stack.
   */
  private static LocalTemporal inProcess(int port, String description) {
    LocalPorts.requireFree(port, "the Temporal test server");
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(
              new InetSocketAddress(LocalPorts.HOST, port), InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      Server server = builder.build().start();
      return new LocalTemporal(
          LocalPorts.HOST,
          port,
          null,
          description,
          null,
          null,
          new InProcessServer(services, server));
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException("could not start the Temporal test server", e);
    }
  }

  private static LocalTemporal startCli(Path cli, int port, int uiPort, Path home) {
    LocalPorts.requireFree(port, "the Temporal dev server");
    LocalPorts.requireFree(uiPort, "the Temporal Web UI");
    try {
      Files.createDirectories(home.resolve("logs"));
      List<String> command =
          new ArrayList<>(
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
      // It outlives this JVM if that is killed: the next start stops it (LeftoverProcesses).
      LeftoverProcesses.record(home, LeftoverProcesses.TEMPORAL_PID_FILE, process.pid());
      LocalTemporal temporal =
          new LocalTemporal(
              LocalPorts.HOST, port, uiPort, "temporal CLI dev server", process, home, null);
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
    return description;
  }

  /** The Web UI's address, when this server has one. */
  Optional<String> uiUrl() {
    return uiPort == null
        ? Optional.empty()
        : Optional.of("http://" + LocalPorts.HOST + ":" + uiPort);
  }

  /** SIGKILL to the CLI dev server, as when the machine loses power; its SQLite file stays. */
  void killHard() {
    if (cliServer == null) {
      throw new IllegalStateException(
          "only the temporal CLI dev server can be killed and restarted");
    }
    LocalProcesses.killTree(cliServer.toHandle());
  }

  boolean isCli() {
    return cliServer != null;
  }

  @Override
  public void close() {
    if (inProcessServer != null) {
      inProcessServer.server().shutdown();
      try {
        if (!inProcessServer.server().awaitTermination(5, TimeUnit.SECONDS)) {
          inProcessServer.server().shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        inProcessServer.server().shutdownNow();
      }
      inProcessServer.services().close();
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
      LeftoverProcesses.forget(home, LeftoverProcesses.TEMPORAL_PID_FILE);
    }
  }
}
