package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatedChannelView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The bench stack's HTTP probe on 127.0.0.1, for the load generator in its own process:
 *
 * <pre>
 * GET  /originates?since={epochMicros} -> the switch's received originates (see EslSimulator)
 * GET  /capacity[?gc=true]             -> heap, threads and live channels of the stack's JVM
 * POST /hangup-far-ends                -> every live channel's far end hangs up; {"hungUp": n}
 * </pre>
 */
final class BenchProbe implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EslSimulator simulator;
  private final HttpServer server;

  private BenchProbe(EslSimulator simulator, HttpServer server) {
    this.simulator = simulator;
    this.server = server;
  }

  static BenchProbe start(EslSimulator simulator) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      BenchProbe probe = new BenchProbe(simulator, server);
      server.createContext("/", probe::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return probe;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the bench probe", e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      String method = exchange.getRequestMethod();
      switch (path) {
        case "/originates" ->
            send(exchange, 200, simulator.receivedOriginates(longParam(query, "since")));
        case "/capacity" ->
            send(exchange, 200, capacity(query != null && query.contains("gc=true")));
        case "/hangup-far-ends" -> {
          if (!method.equals("POST")) {
            send(exchange, 405, Map.of("error", "use POST"));
            return;
          }
          send(exchange, 200, Map.of("hungUp", hangUpFarEnds()));
        }
        default -> send(exchange, 404, Map.of("error", "no such endpoint: " + path));
      }
    } catch (IllegalArgumentException e) {
      send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  private int hangUpFarEnds() {
    int hungUp = 0;
    for (SimulatedChannelView channel : simulator.liveChannels()) {
      try {
        simulator.hangUpFarEnd(channel.uuid(), "NORMAL_CLEARING");
        hungUp++;
      } catch (IllegalArgumentException | IllegalStateException goneMeanwhile) {
        // The call ended on its own between the listing and the hangup.
      }
    }
    return hungUp;
  }

  private Capacity capacity(boolean collectFirst) {
    if (collectFirst) {
      System.gc();
    }
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    var threads = ManagementFactory.getThreadMXBean();
    return new Capacity(
        heap.getUsed(),
        heap.getCommitted(),
        heap.getMax(),
        threads.getThreadCount(),
        threads.getPeakThreadCount(),
        simulator.liveChannels().size());
  }

  record Capacity(
      long heapUsedBytes,
      long heapCommittedBytes,
      long heapMaxBytes,
      int threads,
      int peakThreads,
      int liveChannels) {}

  private static long longParam(String query, String name) {
    if (query == null) {
      return 0;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        try {
          return Long.parseLong(pair.substring(name.length() + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " must be a number");
        }
      }
    }
    return 0;
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
