package io.irisx.worker.bench;

import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.irisx.temporal.cost.HistoryCost;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.webhook.CallWebhooksWorkflow;
import io.irisx.workflows.webhook.DeliveryRequest;
import io.irisx.workflows.webhook.DeliveryStream;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a run's calls cost Temporal, read from the histories of every workflow each call caused: its
 * call workflow, that workflow's children, and the webhook workflows of its deliveries (the
 * delivery rows name them: one per delivery, and one stream per call and endpoint). Counted by
 * {@link HistoryCost}. A workflow still open when it is read (a webhook stream idling after the
 * call's last event) counts with what its history holds so far.
 */
final class CallCosts implements AutoCloseable {
  /** How long, for all calls together, to wait for call workflows to close before reading them. */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  /** The same for the webhook workflows of the webhook bench. */
  private static final Duration WEBHOOK_SETTLE = Duration.ofSeconds(15);

  private final TemporalConnection temporal;
  private final String jdbcUrl;

  CallCosts(String temporalTarget, String jdbcUrl) {
    this.temporal =
        TemporalConnection.open(
            new TemporalSettings(temporalTarget, TemporalSettings.DEFAULT_NAMESPACE));
    this.jdbcUrl = jdbcUrl;
  }

  /** The cost of these calls together, the call workflows apart from all workflows. */
  BenchResult.EngineCost of(Collection<String> callIds) throws SQLException {
    Map<String, List<String>> webhookWorkflows = webhookWorkflowIds(callIds);
    HistoryCost calls = HistoryCost.NONE;
    HistoryCost all = HistoryCost.NONE;
    int counted = 0;
    int workflows = 0;
    long settleBy = System.nanoTime() + SETTLE.toNanos();
    for (String callId : callIds) {
      awaitClosed(CallRequest.workflowId(callId), settleBy);
      List<HistoryEvent> callHistory = history(CallRequest.workflowId(callId));
      if (callHistory == null) {
        continue;
      }
      counted++;
      HistoryCost call = HistoryCost.of(callHistory);
      calls = calls.plus(call);
      all = all.plus(call);
      workflows++;
      Set<String> others = new LinkedHashSet<>(childrenOf(callHistory));
      others.addAll(webhookWorkflows.getOrDefault(callId, List.of()));
      Deque<String> pending = new ArrayDeque<>(others);
      Set<String> seen = new LinkedHashSet<>();
      while (!pending.isEmpty()) {
        String workflowId = pending.pop();
        if (!seen.add(workflowId)) {
          continue;
        }
        for (List<HistoryEvent> history : runs(workflowId)) {
          all = all.plus(HistoryCost.of(history));
          workflows++;
          pending.addAll(childrenOf(history));
        }
      }
    }
    return new BenchResult.EngineCost(counted, workflows, calls, all);
  }

  /**
   * What the webhook workflows of these calls cost together (no call workflow: the webhook bench
   * places none). Each is given a moment to close first, so that a run that has just delivered its
   * last event counts whole; a stream idling after the call's last event counts as it is.
   */
  WebhookCost webhooksOf(Collection<String> callIds) throws SQLException {
    Map<String, List<String>> webhookWorkflows = webhookWorkflowIds(callIds);
    HistoryCost all = HistoryCost.NONE;
    int workflows = 0;
    long settleBy = System.nanoTime() + WEBHOOK_SETTLE.toNanos();
    for (List<String> workflowIds : webhookWorkflows.values()) {
      for (String workflowId : workflowIds) {
        awaitClosed(workflowId, settleBy);
        for (List<HistoryEvent> history : runs(workflowId)) {
          all = all.plus(HistoryCost.of(history));
          workflows++;
        }
      }
    }
    return new WebhookCost(callIds.size(), workflows, all);
  }

  /**
   * @param calls calls whose webhook workflows were looked for
   * @param workflows executions (runs) read
   */
  record WebhookCost(int calls, int workflows, HistoryCost cost) {
    static final WebhookCost NONE = new WebhookCost(0, 0, HistoryCost.NONE);
  }

  /**
   * Waits (until {@code deadlineNanos} at most) for the workflow to close, so its history is whole
   * when read: a call's workflow still has a step or two to take after its CDR.
   */
  private void awaitClosed(String workflowId, long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      return;
    }
    try {
      temporal
          .client()
          .newUntypedWorkflowStub(workflowId)
          .getResult(left, TimeUnit.NANOSECONDS, Object.class);
    } catch (TimeoutException | RuntimeException stillOpenOrFailed) {
      // Read as it is: a failed call's history counts like any other.
    }
  }

  /**
   * Every run's history, from the server's visibility; just the latest run's where the server
   * cannot list (none when there is no such workflow).
   */
  private List<List<HistoryEvent>> runs(String workflowId) {
    List<List<HistoryEvent>> runs = new ArrayList<>();
    try {
      temporal
          .client()
          .listExecutions("WorkflowId = '" + workflowId + "'")
          // A server that does not filter by the query lists other workflows too.
          .filter(run -> run.getExecution().getWorkflowId().equals(workflowId))
          .forEach(
              run ->
                  runs.add(
                      temporal
                          .client()
                          .fetchHistory(workflowId, run.getExecution().getRunId())
                          .getEvents()));
    } catch (RuntimeException cannotList) {
      runs.clear();
    }
    if (runs.isEmpty()) {
      List<HistoryEvent> latest = history(workflowId);
      if (latest != null) {
        runs.add(latest);
      }
    }
    return runs;
  }

  /** The latest run's history, or null when there is no such workflow. */
  private List<HistoryEvent> history(String workflowId) {
    try {
      return temporal.client().fetchHistory(workflowId).getEvents();
    } catch (RuntimeException notFound) {
      return null;
    }
  }

  private static List<String> childrenOf(List<HistoryEvent> history) {
    List<String> children = new ArrayList<>();
    for (HistoryEvent event : history) {
      if (event.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
        children.add(
            event.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId());
      }
    }
    return children;
  }

  /** By call id: the workflow ids its webhook deliveries ran in. */
  private Map<String, List<String>> webhookWorkflowIds(Collection<String> callIds)
      throws SQLException {
    Map<String, List<String>> byCall = new HashMap<>();
    if (callIds.isEmpty()) {
      return byCall;
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT call_id::text, id::text, webhook_id::text FROM webhook_deliveries"
                    + " WHERE call_id = ANY(?)")) {
      query.setArray(
          1, connection.createArrayOf("uuid", callIds.stream().map(UUID::fromString).toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String callId = rows.getString(1);
          List<String> ids = byCall.computeIfAbsent(callId, id -> new ArrayList<>());
          ids.add(DeliveryRequest.workflowId(rows.getString(2)));
          for (String perEndpoint :
              List.of(
                  CallWebhooksWorkflow.workflowId(callId, rows.getString(3)),
                  DeliveryStream.workflowId(callId, rows.getString(3)))) {
            if (!ids.contains(perEndpoint)) {
              ids.add(perEndpoint);
            }
          }
        }
      }
    }
    return byCall;
  }

  @Override
  public void close() {
    temporal.close();
  }
}
