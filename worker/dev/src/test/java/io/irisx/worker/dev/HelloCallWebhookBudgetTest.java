package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.irisx.temporal.cost.HistoryCost;
import io.irisx.workflows.webhook.CallWebhooksWorkflow;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What delivering one hello call's webhook events costs Temporal, read with {@link HistoryCost}
 * from the real histories on the Temporal CLI dev server: every run of the call's {@code
 * CallWebhooks} workflow to an endpoint subscribed to every event, all together. Budget: at most 5
 * workflow tasks and 8 billable actions for its 4 events (before: 20 tasks, about 20 actions).
 */
class HelloCallWebhookBudgetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theFourEventsOfAHelloCallCostAtMostFiveWorkflowTasksAndEightActions(@TempDir Path home)
      throws Exception {
    TemporalCliRequirement.check();
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/hooks",
        exchange -> {
          received.add(
              JSON.readTree(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try (DevStack stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.CLI));
        TemporalConnection temporal =
            TemporalConnection.open(
                new TemporalSettings(stack.manifest().temporalAddress(), "default"))) {
      CallsApi api = new CallsApi(stack.manifest());
      CallsApi.Reply endpoint =
          api.post(
              "/v1/webhooks",
              "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}");
      assertThat(endpoint.status()).as(endpoint.body().toString()).isEqualTo(201);
      String endpointId = endpoint.body().path("id").asText();

      String callId = api.startCall("+15550100", "+15550111", "hello").body().path("id").asText();
      assertThat(api.awaitFinal(callId, Duration.ofSeconds(90)).path("status").asText())
          .isEqualTo("completed");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> received.stream().anyMatch(r -> "call.completed".equals(type(r))));

      String workflowId = CallWebhooksWorkflow.workflowId(callId, endpointId);
      HistoryCost[] total = new HistoryCost[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                var runs =
                    temporal.client().listExecutions("WorkflowId = '" + workflowId + "'").toList();
                assertThat(runs).allSatisfy(r -> assertThat(r.getCloseTime()).isNotNull());
                HistoryCost sum = HistoryCost.NONE;
                for (var run : runs) {
                  sum =
                      sum.plus(
                          HistoryCost.of(
                              temporal
                                  .client()
                                  .fetchHistory(workflowId, run.getExecution().getRunId())
                                  .getEvents()));
                }
                assertThat(sum.localActivities()).isEqualTo(received.size());
                total[0] = sum;
              });

      assertThat(received)
          .extracting(HelloCallWebhookBudgetTest::type)
          .containsExactly("call.initiated", "call.ringing", "call.answered", "call.completed");
      HistoryCost cost = total[0];
      System.out.printf(
          "hello call, %d webhook events to one endpoint: %d workflow tasks, %d activity tasks,"
              + " %d local activities, %d signals, %d timers, %d billable actions%n",
          received.size(),
          cost.workflowTasks(),
          cost.activityTasks(),
          cost.localActivities(),
          cost.signals(),
          cost.timers(),
          cost.billableActions());
      assertThat(cost.workflowTasks()).isLessThanOrEqualTo(5);
      assertThat(cost.billableActions()).isLessThanOrEqualTo(8);
      assertThat(cost.activityTasks()).isZero();
    } finally {
      receiver.stop(0);
    }
  }

  private static String type(JsonNode envelope) {
    return envelope.path("type").asText();
  }
}
