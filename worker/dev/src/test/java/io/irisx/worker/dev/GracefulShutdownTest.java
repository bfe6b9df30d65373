package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart under load: a worker process gets SIGTERM while calls are up and a webhook
 * request is in flight to a slow receiver. It turns not ready, stops polling, lets the running
 * delivery attempt finish (the receiver sees every request it started answered, and never the same
 * webhook twice), then exits; the next worker process picks every call up where it stood, and every
 * call completes. Runs on the real {@code temporal} dev server.
 */
class GracefulShutdownTest {
  private static final Duration RECEIVER_DELAY = Duration.ofSeconds(3);
  private static final int CALLS = 4;

  @Test
  void aWorkerStoppedWithSigtermFinishesItsActivitiesAndStrandsNoCall(@TempDir Path home)
      throws Exception {
    TemporalCliRequirement.check();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/slow",
        exchange -> {
          started.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          seen.merge(exchange.getRequestHeaders().getFirst("webhook-id"), 1, Integer::sum);
          try {
            Thread.sleep(RECEIVER_DELAY.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
          answered.incrementAndGet();
        });
    receiver.start();

    DevOptions options = DevOptions.ephemeral(home, TemporalMode.CLI).withRunWorker(false);
    try (DevStack stack = DevStack.start(options)) {
      CallsApi api = new CallsApi(stack.manifest());
      String workerAdmin = "http://127.0.0.1:" + workerPort(stack.workerConfig()) + "/admin";
      Path log = home.resolve("logs/worker-processes.log");
      CallsApi.Reply webhook =
          api.post(
              "/v1/webhooks",
              "{\"url\":\"http://127.0.0.1:"
                  + receiver.getAddress().getPort()
                  + "/slow\",\"events\":[\"call.answered\"]}");
      assertThat(webhook.status()).as(webhook.body().toString()).isEqualTo(201);

      List<String> calls = new ArrayList<>();
      List<Integer> readyDuringStop = new CopyOnWriteArrayList<>();
      try (WorkerProcess first = WorkerProcess.start(stack.workerConfig(), log)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status(workerAdmin + "/ready") == 200);
        for (int i = 0; i < CALLS; i++) {
          CallsApi.Reply created = api.startCall("+15550100", "+1555011" + i, "hello");
          assertThat(created.status()).isEqualTo(201);
          calls.add(created.body().path("id").asText());
        }
        // A delivery attempt is in flight (the receiver holds it for 3 s) and calls are up.
        await().atMost(Duration.ofSeconds(30)).until(() -> started.get() > answered.get());

        Thread probe =
            Thread.ofVirtual()
                .start(
                    () -> {
                      while (!Thread.currentThread().isInterrupted()) {
                        readyDuringStop.add(status(workerAdmin + "/ready"));
                        try {
                          Thread.sleep(100);
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    });
        long stopping = System.nanoTime();
        assertThat(first.terminate(Duration.ofSeconds(45)))
            .as("the worker exits after SIGTERM")
            .isTrue();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);
        probe.interrupt();
        System.out.printf("worker stopped in %d ms after SIGTERM%n", stopTook.toMillis());

        assertThat(answered.get())
            .as("every request the stopped worker sent was answered before it exited")
            .isEqualTo(started.get());
        assertThat(readyDuringStop).as("/ready while stopping").contains(503);
        assertThat(Files.readString(DevConfigFiles.logFile(home)))
            .contains("worker stopped polling; running tasks finished");
      }

      try (WorkerProcess second = WorkerProcess.start(stack.workerConfig(), log)) {
        for (String callId : calls) {
          assertThat(api.awaitFinal(callId, Duration.ofSeconds(120)).path("status").asText())
              .as("call " + callId)
              .isEqualTo("completed");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingDeliveries(stack) == 0);
        assertThat(seen.values()).as("no webhook was sent twice").allMatch(count -> count == 1);
        assertThat(seen).hasSize(CALLS);
      }
    } finally {
      receiver.stop(0);
    }
  }

  private static int pendingDeliveries(DevStack stack) throws Exception {
    try (Connection connection = stack.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM webhook_deliveries WHERE status <> 'succeeded'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static int workerPort(Path config) throws Exception {
    Matcher port = Pattern.compile("port: (\\d+)").matcher(Files.readString(config));
    assertThat(port.find()).isTrue();
    return Integer.parseInt(port.group(1));
  }

  private static int status(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
