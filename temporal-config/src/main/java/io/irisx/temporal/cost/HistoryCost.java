package io.irisx.temporal.cost;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import java.util.List;

/**
 * What one workflow execution cost the Temporal service, read from its event history: the tasks and
 * commands it made, and the billable actions Temporal Cloud counts for them.
 *
 * <p>The action rules are Temporal Cloud's published ones as far as a history shows them: a
 * workflow start (by a client, signal-with-start, continue-as-new or a parent) is one (a child's
 * start in its parent's history, not again in the child's, so that the costs of a parent and its
 * children add up to what was billed); each activity attempt is one; the local activities run in
 * one workflow task are one together; each timer, each signal received, each search-attribute
 * upsert (not the one the SDK's versioning makes) and each side effect recorded is one. Heartbeats
 * and queries leave no event and are not counted here; the bench counts heartbeats from the
 * worker's metrics instead.
 */
public record HistoryCost(
    int events,
    int workflowTasks,
    int activityTasks,
    int activityAttempts,
    int localActivities,
    int signals,
    int timers,
    int childWorkflows,
    int searchAttributeUpserts,
    int sideEffects,
    int billableActions) {

  public static final HistoryCost NONE = new HistoryCost(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";
  private static final String SIDE_EFFECT_MARKER = "SideEffect";
  private static final String MUTABLE_SIDE_EFFECT_MARKER = "MutableSideEffect";

  public static HistoryCost of(List<HistoryEvent> history) {
    var counter = new Counter();
    history.forEach(counter::add);
    return counter.total();
  }

  /** The cost of several executions together, such as every workflow one call caused. */
  public HistoryCost plus(HistoryCost other) {
    return new HistoryCost(
        events + other.events,
        workflowTasks + other.workflowTasks,
        activityTasks + other.activityTasks,
        activityAttempts + other.activityAttempts,
        localActivities + other.localActivities,
        signals + other.signals,
        timers + other.timers,
        childWorkflows + other.childWorkflows,
        searchAttributeUpserts + other.searchAttributeUpserts,
        sideEffects + other.sideEffects,
        billableActions + other.billableActions);
  }

  private static final class Counter {
    private int events;
    private int workflowTasks;
    private int activityTasks;
    private int activityAttempts;
    private int localActivities;
    private int signals;
    private int timers;
    private int childWorkflows;
    private int upserts;
    private int sideEffects;
    private int starts;
    private int workflowTasksWithLocalActivities;
    private boolean localActivityInThisTask;

    void add(HistoryEvent event) {
      events++;
      EventType type = event.getEventType();
      switch (type) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
          if (!event.getWorkflowExecutionStartedEventAttributes().hasParentWorkflowExecution()) {
            starts++;
          }
        }
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> {
          workflowTasks++;
          localActivityInThisTask = false;
        }
        case EVENT_TYPE_WORKFLOW_TASK_FAILED, EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT -> workflowTasks++;
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> activityTasks++;
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            // A retried activity shows one STARTED event carrying its attempt count.
            activityAttempts +=
                Math.max(1, event.getActivityTaskStartedEventAttributes().getAttempt());
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> signals++;
        case EVENT_TYPE_TIMER_STARTED -> timers++;
        case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> childWorkflows++;
        case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> {
          var fields = event.getUpsertWorkflowSearchAttributesEventAttributes();
          boolean onlyVersioning =
              fields.getSearchAttributes().getIndexedFieldsMap().keySet().stream()
                  .allMatch("TemporalChangeVersion"::equals);
          if (!onlyVersioning) {
            upserts++;
          }
        }
        case EVENT_TYPE_MARKER_RECORDED -> marker(event.getMarkerRecordedEventAttributes());
        default -> {}
      }
    }

    private void marker(MarkerRecordedEventAttributes marker) {
      switch (marker.getMarkerName()) {
        case LOCAL_ACTIVITY_MARKER -> {
          localActivities++;
          if (!localActivityInThisTask) {
            workflowTasksWithLocalActivities++;
            localActivityInThisTask = true;
          }
        }
        case SIDE_EFFECT_MARKER, MUTABLE_SIDE_EFFECT_MARKER -> sideEffects++;
        default -> {}
      }
    }

    HistoryCost total() {
      int actions =
          starts
              + childWorkflows
              + activityAttempts
              + workflowTasksWithLocalActivities
              + timers
              + signals
              + upserts
              + sideEffects;
      return new HistoryCost(
          events,
          workflowTasks,
          activityTasks,
          activityAttempts,
          localActivities,
          signals,
          timers,
          childWorkflows,
          upserts,
          sideEffects,
          actions);
    }
  }
}
