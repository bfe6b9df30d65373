package io.irisx.activities.webhook;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.webhook.WebhookSweepWorkflow;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Temporal Schedule that runs {@link WebhookSweepWorkflow} every minute: created by whichever
 * worker starts first, found by the others; runs never overlap. Visible in the Temporal UI under
 * Schedules, each run's result the number of deliveries it restarted.
 */
public final class WebhookSweepSchedule {
  public static final Duration EVERY = Duration.ofMinutes(1);

  private WebhookSweepSchedule() {}

  /** Creates the schedule unless it exists; returns true when this call created it. */
  public static boolean ensure(WorkflowClient client) {
    ScheduleClient schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setDataConverter(client.getOptions().getDataConverter())
                .build());
    Schedule schedule =
        Schedule.newBuilder()
            .setAction(
                ScheduleActionStartWorkflow.newBuilder()
                    .setWorkflowType(WebhookSweepWorkflow.class)
                    .setOptions(
                        WorkflowOptions.newBuilder()
                            .setWorkflowId(WebhookSweepWorkflow.WORKFLOW_ID)
                            .setTaskQueue(TaskQueues.WEBHOOKS)
                            .setWorkflowRunTimeout(Duration.ofMinutes(30))
                            .build())
                    .build())
            .setSpec(
                ScheduleSpec.newBuilder()
                    .setIntervals(List.of(new ScheduleIntervalSpec(EVERY)))
                    .build())
            .setPolicy(
                SchedulePolicy.newBuilder()
                    .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                    .build())
            .build();
    try {
      schedules.createSchedule(
          WebhookSweepWorkflow.SCHEDULE_ID,
          schedule,
          ScheduleOptions.newBuilder()
              .setMemo(Map.of("purpose", "restarts pending webhook deliveries nobody works on"))
              .build());
      return true;
    } catch (ScheduleAlreadyRunningException exists) {
      return false;
    }
  }
}
