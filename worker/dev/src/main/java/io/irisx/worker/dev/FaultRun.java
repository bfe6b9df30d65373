package io.irisx.worker.dev;

import io.irisx.activities.esl.simulator.ReceivedOriginate;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fault suite: one dev stack (PostgreSQL honouring fsync, the temporal CLI dev server, the
 * worker in a JVM of its own, the ESL simulator), an endpoint subscribed to every event, and for
 * each fault a load of hello calls with the fault in the middle of it: the part killed with
 * SIGKILL, down for the outage, started again. Then it waits for everything to settle and counts.
 */
final class FaultRun {
  /** What can be made to fail. */
  enum Fault {
    POSTGRES,
    REDIS,
    TEMPORAL,
    WORKER,
    ESL_LINK
  }

  /**
   * @param calls hello calls per fault
   * @param every the pause between two calls
   * @param outage how long the killed part stays down (the ESL link is cut at once and comes back
   *     when the worker reconnects)
   * @param settle how long to wait after the load for everything to end
   */
  record Options(int calls, Duration every, Duration outage, Duration settle) {}

  private static final Set<String> FINAL =
      Set.of("completed", "busy", "no-answer", "failed", "canceled");

  private final Options options;
  private final PrintStream out;

  FaultRun(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  List<FaultCounts> run(Path home, List<Fault> faults) throws Exception {
    List<FaultCounts> results = new ArrayList<>();
    DevOptions devOptions = DevOptions.ephemeral(home, TemporalMode.CLI).withRunWorker(false);
    try (DevStack stack = DevStack.startForFaults(devOptions);
        FaultReceiver receiver = new FaultReceiver()) {
      out.println("fault suite: PostgreSQL fsync " + setting(stack, "fsync"));
      String endpointId = new FaultLoad(stack.manifest()).createEndpoint(receiver.url());
      Path workerLog = home.resolve("logs/worker-process.log");
      WorkerProcess[] worker = {WorkerProcess.start(stack.workerConfig(), workerLog)};
      // Ctrl-C or SIGTERM: no process of the run is left behind.
      Thread cleanUp =
          new Thread(
              () -> {
                worker[0].kill();
                stack.close();
              });
      Runtime.getRuntime().addShutdownHook(cleanUp);
      try {
        for (Fault fault : faults) {
          // Each fault hits a worker that is up: one still starting when PostgreSQL dies exits.
          awaitWorkerReady(stack, worker, workerLog);
          // And an API whose checks pass, as a load balancer routes only to such: its links to
          // what the previous fault killed must be back before the next load is counted.
          awaitApiHealthy(stack);
          out.println("fault suite: " + fault + " ...");
          FaultLoad load = new FaultLoad(stack.manifest());
          long since = Instant.now().toEpochMilli() * 1000;
          load.run(options.calls(), options.every(), () -> inject(fault, stack, worker, workerLog));
          FaultCounts counts = settle(fault, stack, receiver, endpointId, load, since);
          FaultCounts.print(List.of(counts), out);
          results.add(counts);
        }
      } finally {
        worker[0].close();
        Runtime.getRuntime().removeShutdownHook(cleanUp);
      }
    }
    return results;
  }

  /**
   * Until the worker's {@code /ready} answers 200; a worker process that exited is started again,
   * as an orchestrator would.
   */
  private static void awaitWorkerReady(DevStack stack, WorkerProcess[] worker, Path workerLog)
      throws IOException, InterruptedException {
    Matcher port = Pattern.compile("port: (\\d+)").matcher(Files.readString(stack.workerConfig()));
    if (!port.find()) {
      throw new IllegalStateException("no port in " + stack.workerConfig());
    }
    URI ready = URI.create("http://" + LocalPorts.HOST + ":" + port.group(1) + "/admin/ready");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      if (!worker[0].isAlive()) {
        worker[0] = WorkerProcess.start(stack.workerConfig(), workerLog);
      }
      try {
        if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("the worker did not become ready within 5 minutes");
  }

  private static void awaitApiHealthy(DevStack stack) throws InterruptedException {
    URI health = URI.create(stack.manifest().adminUrl() + "/healthcheck");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still reconnecting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the API's health checks did not pass within 2 minutes");
  }

  private void inject(Fault fault, DevStack stack, WorkerProcess[] worker, Path workerLog) {
    try {
      switch (fault) {
        case POSTGRES, REDIS, TEMPORAL -> {
          DevStack.Part part = DevStack.Part.valueOf(fault.name());
          stack.kill(part);
          Thread.sleep(options.outage());
          stack.restart(part);
        }
        case WORKER -> {
          worker[0].kill();
          Thread.sleep(options.outage());
          worker[0] = WorkerProcess.start(stack.workerConfig(), workerLog);
        }
        case ESL_LINK -> stack.simulator().dropConnections();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private FaultCounts settle(
      Fault fault,
      DevStack stack,
      FaultReceiver receiver,
      String endpointId,
      FaultLoad load,
      long sinceMicros)
      throws InterruptedException {
    List<String> calls = List.copyOf(load.created);
    Instant deadline = Instant.now().plus(options.settle());
    FaultCounts counts = null;
    while (true) {
      try {
        counts = count(fault, stack, receiver, endpointId, load, calls, sinceMicros);
        if (counts.holds() || Instant.now().isAfter(deadline)) {
          return counts;
        }
      } catch (SQLException stillDown) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("PostgreSQL did not come back: " + stillDown, stillDown);
        }
      }
      Thread.sleep(2000);
    }
  }

  private FaultCounts count(
      Fault fault,
      DevStack stack,
      FaultReceiver receiver,
      String endpointId,
      FaultLoad load,
      List<String> calls,
      long sinceMicros)
      throws SQLException {
    Set<String> callSet = new HashSet<>(calls);
    int ended = 0;
    int nullCauses = 0;
    int rows = 0;
    int pending = 0;
    int failed = 0;
    int delivered = 0;
    Set<String> receivedIds =
        receiver.received.stream()
            .filter(r -> callSet.contains(r.callId()))
            .map(FaultReceiver.Received::webhookId)
            .collect(Collectors.toSet());
    try (Connection db = stack.dataSource().getConnection()) {
      Array ids = db.createArrayOf("uuid", calls.toArray());
      try (PreparedStatement query =
          db.prepareStatement("SELECT status, hangup_cause FROM calls WHERE id = ANY(?)")) {
        query.setArray(1, ids);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            if (FINAL.contains(rs.getString(1))) {
              ended++;
              if (rs.getString(2) == null) {
                nullCauses++;
              }
            }
          }
        }
      }
      try (PreparedStatement query =
          db.prepareStatement(
              "SELECT event_id::text, status FROM webhook_deliveries"
                  + " WHERE webhook_id = ?::uuid AND CAST(payload->>'callId' AS uuid) = ANY(?)")) {
        query.setString(1, endpointId);
        query.setArray(2, ids);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            rows++;
            switch (rs.getString(2)) {
              case "pending" -> pending++;
              case "failed", "canceled" -> failed++;
              default -> {}
            }
            if (receivedIds.contains(rs.getString(1))) {
              delivered++;
            }
          }
        }
      }
    }
    Map<String, Long> originates =
        stack.simulator().receivedOriginates(sinceMicros).stream()
            .map(ReceivedOriginate::callId)
            .filter(callSet::contains)
            .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    int duplicates = (int) originates.values().stream().filter(n -> n > 1).count();
    return new FaultCounts(
        fault.name().toLowerCase(java.util.Locale.ROOT),
        fault == Fault.ESL_LINK ? Duration.ZERO : options.outage(),
        calls.size(),
        load.refused.get(),
        ended,
        nullCauses,
        duplicates,
        rows,
        delivered,
        pending,
        failed,
        outOfOrder(receiver, callSet),
        (int) receiver.received.stream().filter(r -> callSet.contains(r.callId())).count());
  }

  /** Calls whose events first reached the receiver in another order than their sequence. */
  private static int outOfOrder(FaultReceiver receiver, Set<String> calls) {
    Map<String, List<Long>> firstArrivals = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (FaultReceiver.Received r : receiver.received) {
      if (calls.contains(r.callId()) && seen.add(r.webhookId())) {
        firstArrivals.computeIfAbsent(r.callId(), c -> new ArrayList<>()).add(r.sequence());
      }
    }
    int disorder = 0;
    for (List<Long> sequences : firstArrivals.values()) {
      for (int i = 1; i < sequences.size(); i++) {
        if (sequences.get(i) < sequences.get(i - 1)) {
          disorder++;
          break;
        }
      }
    }
    return disorder;
  }

  private static String setting(DevStack stack, String name) throws SQLException {
    try (Connection db = stack.dataSource().getConnection();
        ResultSet rs = db.createStatement().executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
