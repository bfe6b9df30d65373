package io.irisx.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.recording.RecordingRetentionWorkflow;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal Schedule that runs {@link RecordingRetentionWorkflow}: created by whichever worker
 * starts first, found by the others (one schedule per namespace, visible in the Temporal UI under
 * Schedules). Runs never overlap: a run still going when the next is due makes that one skip.
 */
public final class RecordingRetentionSchedule {
  private static final Logger log = LoggerFactory.getLogger(RecordingRetentionSchedule.class);

  private RecordingRetentionSchedule() {}

  /**
   * Whether {@code e} says the server has no schedules at all, as the Java SDK's test server (the
   * dev stack's {@code --temporal in-process}) answers: UNIMPLEMENTED, rather than unreachable.
   */
  public static boolean unsupportedByServer(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
    }
    return false;
  }

  /** Creates the schedule unless it exists; returns true when this call created it. */
  public static boolean ensure(WorkflowClient client, Duration every) {
    ScheduleClient schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            io.temporal.client.schedules.ScheduleClientOptions.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setDataConverter(client.getOptions().getDataConverter())
                .build());
    Schedule schedule =
        Schedule.newBuilder()
            .setAction(
                ScheduleActionStartWorkflow.newBuilder()
                    .setWorkflowType(RecordingRetentionWorkflow.class)
                    .setOptions(
                        WorkflowOptions.newBuilder()
                            .setWorkflowId(RecordingRetentionWorkflow.WORKFLOW_ID)
                            .setTaskQueue(TaskQueues.CALLS)
                            .setWorkflowRunTimeout(Duration.ofHours(1))
                            .build())
                    .build())
            .setSpec(
                ScheduleSpec.newBuilder()
                    .setIntervals(List.of(new ScheduleIntervalSpec(every)))
                    .build())
            .setPolicy(
                SchedulePolicy.newBuilder()
                    .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                    .build())
            .build();
    try {
      schedules.createSchedule(
          RecordingRetentionWorkflow.SCHEDULE_ID,
          schedule,
          ScheduleOptions.newBuilder()
              .setMemo(
                  java.util.Map.of("purpose", "deletes recordings past their tenant's retention"))
              .build());
      log.info("created the schedule {} (every {})", RecordingRetentionWorkflow.SCHEDULE_ID, every);
      return true;
    } catch (ScheduleAlreadyRunningException exists) {
      return false;
    }
  }
}
