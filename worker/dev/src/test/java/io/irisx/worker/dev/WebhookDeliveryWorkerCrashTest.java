package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker sending a webhook dies (SIGKILL, in its own JVM) while the receiver still holds the
 * request open. Started again, the worker sends the same event again (same {@code webhook-id}), the
 * receiver answers, and the delivery ends succeeded with its attempt recorded: the event is not
 * lost. Runs on the real {@code temporal} dev server, which hands the dead worker's attempt to the
 * new worker once its heartbeat times out.
 */
class WebhookDeliveryWorkerCrashTest {

  /** One request as the receiver saw it. */
  private record Received(String webhookId, String body) {}

  @Test
  void aDeliveryInFlightWhenItsWorkerIsKilledCompletesAfterTheRestart(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path home) throws Exception {
    TemporalCliRequirement.check();
    List<Received> received = new CopyOnWriteArrayList<>();
    CountDownLatch firstRequestHeld = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/hooks",
        exchange -> {
          String body =
              new String(
                  exchange.getRequestBody().readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8);
          received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), body));
          try {
            if (received.size() == 1) {
              // Hold the first request open: the worker is killed while it waits for the answer.
              firstRequestHeld.countDown();
              releaseFirst.await(60, TimeUnit.SECONDS);
            }
            exchange.sendResponseHeaders(204, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (java.io.IOException senderGone) {
            // The killed worker's connection is gone; nobody reads this answer.
          } finally {
            exchange.close();
          }
        });
    receiver.start();

    DevOptions options = DevOptions.ephemeral(home, TemporalMode.CLI).withRunWorker(false);
    try (DevStack stack = DevStack.start(options)) {
      CallsApi api = new CallsApi(stack.manifest());
      Path workerLog = home.resolve("logs/worker-process.log");
      CallsApi.Reply webhook =
          api.post(
              "/v1/webhooks",
              "{\"url\":\"http://127.0.0.1:"
                  + receiver.getAddress().getPort()
                  + "/hooks\",\"events\":[\"call.answered\"]}");
      assertThat(webhook.status()).as(webhook.body().toString()).isEqualTo(201);
      String endpointId = webhook.body().path("id").asText();

      String callId;
      try (WorkerProcess worker = WorkerProcess.start(stack.workerConfig(), workerLog)) {
        CallsApi.Reply created = api.startCall("+15550100", "+15550111", "hello");
        assertThat(created.status()).isEqualTo(201);
        callId = created.body().path("id").asText();
        assertThat(firstRequestHeld.await(60, TimeUnit.SECONDS))
            .as("the first request reached the receiver")
            .isTrue();

        worker.kill();
        assertThat(worker.isAlive()).isFalse();
      }
      assertThat(attempts(stack, endpointId)).as("the killed worker recorded no attempt").isEmpty();
      releaseFirst.countDown();

      try (WorkerProcess restarted = WorkerProcess.start(stack.workerConfig(), workerLog)) {
        assertThat(api.awaitFinal(callId, Duration.ofSeconds(90)).path("status").asText())
            .isEqualTo("completed");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> "succeeded".equals(deliveryStatus(stack, endpointId)));

        assertThat(received).as("the event, sent again after the restart").hasSize(2);
        assertThat(received.get(1).webhookId())
            .as("same webhook-id on the retry")
            .isEqualTo(received.get(0).webhookId());
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(received.get(0).body()).contains("\"type\":\"call.answered\"").contains(callId);
        assertThat(attempts(stack, endpointId))
            .as("attempts recorded")
            .containsExactly("1:succeeded:204");
      }
    } finally {
      releaseFirst.countDown();
      receiver.stop(0);
    }
  }

  /** The endpoint's one delivery's status, or null before it exists. */
  private static String deliveryStatus(DevStack stack, String endpointId) throws Exception {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT status FROM webhook_deliveries WHERE webhook_id = ?::uuid")) {
      query.setString(1, endpointId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** "number:outcome:status" for each recorded attempt of the endpoint's deliveries, in order. */
  private static List<String> attempts(DevStack stack, String endpointId) throws Exception {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT a.attempt_number, a.outcome, a.response_status FROM webhook_delivery_attempts a"
                    + " JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.webhook_id = ?::uuid"
                    + " ORDER BY a.attempt_number")) {
      query.setString(1, endpointId);
      List<String> attempts = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          attempts.add(rows.getInt(1) + ":" + rows.getString(2) + ":" + rows.getObject(3));
        }
      }
      return attempts;
    }
  }
}
