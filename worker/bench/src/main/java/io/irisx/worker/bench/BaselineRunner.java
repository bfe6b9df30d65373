package io.irisx.worker.bench;

import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Counts a real call's shape and runs the no-op baseline of it on the same Temporal. */
final class BaselineRunner implements AutoCloseable {
  private final TemporalConnection connection;
  private final String taskQueue;

  BaselineRunner(String temporalTarget, String taskQueue) {
    this.connection =
        TemporalConnection.open(
            new TemporalSettings(temporalTarget, TemporalSettings.DEFAULT_NAMESPACE));
    this.taskQueue = taskQueue;
  }

  /**
   * The activities, local activities and signals in the history of the workflow {@code
   * call-<callId>}.
   */
  BaselineShape shapeOf(String callId) {
    int activities = 0;
    int localActivities = 0;
    int signals = 0;
    for (HistoryEvent event : connection.client().fetchHistory("call-" + callId).getEvents()) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        activities++;
      } else if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
        signals++;
      } else if (event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
          && event.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity")) {
        localActivities++;
      }
    }
    return new BaselineShape(
        Math.max(1, activities), localActivities, Math.min(signals, Math.max(1, activities)));
  }

  /**
   * One baseline workflow: when it was started, when it was accepted, when it completed (0: never).
   */
  record Run(long sentAtMicros, long acceptedAtMicros, long completedAtMicros) {}

  List<Run> run(
      String runId,
      BaselineShape shape,
      int count,
      int perSecond,
      int concurrency,
      Duration drain) {
    WorkflowClient client = connection.client();
    // Each workflow's result is awaited from the moment it started, so its completion time is its
    // own.
    List<CompletableFuture<Run>> pending =
        Pacer.run(
            count,
            perSecond,
            concurrency,
            i -> {
              String workflowId = "bench-baseline-" + runId + "-" + i;
              long sentAt = Clock.nowMicros();
              BaselineWorkflow workflow =
                  client.newWorkflowStub(
                      BaselineWorkflow.class,
                      WorkflowOptions.newBuilder()
                          .setTaskQueue(taskQueue)
                          .setWorkflowId(workflowId)
                          .build());
              WorkflowClient.start(workflow::run, shape);
              long acceptedAt = Clock.nowMicros();
              WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
              return stub.getResultAsync(drain.toMillis(), TimeUnit.MILLISECONDS, Void.class)
                  .handle(
                      (ignored, failure) ->
                          new Run(sentAt, acceptedAt, failure == null ? Clock.nowMicros() : 0));
            });
    return pending.stream().map(CompletableFuture::join).toList();
  }

  @Override
  public void close() {
    connection.close();
  }
}
