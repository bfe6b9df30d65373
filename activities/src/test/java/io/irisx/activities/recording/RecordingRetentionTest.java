package io.irisx.activities.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.RecordingDao;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.recording.RecordingRetentionWorkflow;
import io.irisx.workflows.recording.RecordingRetentionWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The retention workflow deletes what is past its tenant's period, object and row, and nothing
 * else.
 */
class RecordingRetentionTest {
  private static RecordingTestBed bed;

  @BeforeAll
  static void startBed() throws Exception {
    bed = new RecordingTestBed();
  }

  @AfterAll
  static void stopBed() throws Exception {
    bed.close();
  }

  @Test
  void expiredRecordingsLoseTheirObjectAndAreMarkedDeletedOthersStay() {
    RecordingDao recordings = bed.jdbi.onDemand(RecordingDao.class);
    RecordingTestBed.Call keepsAMonth = bed.newCall();
    RecordingTestBed.Call keepsForever = bed.newCall();
    recordings.setRetentionDays(keepsAMonth.tenantId(), 30);
    UUID expired = recording(keepsAMonth, 31);
    UUID expiredToo = recording(keepsAMonth, 45);
    UUID recent = recording(keepsAMonth, 29);
    UUID old = recording(keepsForever, 400);

    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker(TaskQueues.CALLS);
      worker.registerWorkflowImplementationTypes(
          ActivityCatalogue.workflowImplementationOptions(), RecordingRetentionWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new RecordingRetentionActivitiesImpl(bed.jdbi, bed.store));
      env.start();
      RecordingRetentionWorkflow retention =
          env.getWorkflowClient()
              .newWorkflowStub(
                  RecordingRetentionWorkflow.class,
                  WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CALLS).build());

      assertThat(retention.deleteExpired()).isEqualTo(2);
      RecordingRetentionWorkflow again =
          env.getWorkflowClient()
              .newWorkflowStub(
                  RecordingRetentionWorkflow.class,
                  WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CALLS).build());
      assertThat(again.deleteExpired()).isZero();
    }

    for (UUID gone : new UUID[] {expired, expiredToo}) {
      assertThat(bed.row(gone.toString()).status()).isEqualTo("deleted");
      assertThat(exists(bed.row(gone.toString()).s3Key())).isFalse();
    }
    for (UUID kept : new UUID[] {recent, old}) {
      assertThat(bed.row(kept.toString()).status()).isEqualTo("available");
      assertThat(exists(bed.row(kept.toString()).s3Key())).isTrue();
    }
  }

  /** An available recording made {@code daysAgo}, with its object. */
  private static UUID recording(RecordingTestBed.Call call, int daysAgo) {
    UUID id = UUID.randomUUID();
    Instant made = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
    String key = RecordingKeys.of(call.tenantId(), made, call.callId(), id);
    bed.s3.putObject(
        b -> b.bucket(RecordingTestBed.BUCKET).key(key),
        RequestBody.fromBytes(new byte[] {1, 2, 3}));
    RecordingDao recordings = bed.jdbi.onDemand(RecordingDao.class);
    recordings.insertStarted(id, call.tenantId(), call.callId(), made);
    recordings.markAvailable(id, RecordingTestBed.BUCKET, key, 3, "0".repeat(64), 0);
    bed.jdbi.useHandle(
        h -> h.execute("UPDATE recordings SET created_at = ? WHERE id = ?", made, id));
    return id;
  }

  private static boolean exists(String key) {
    return !bed.s3
        .listObjectsV2(b -> b.bucket(RecordingTestBed.BUCKET).prefix(key))
        .contents()
        .isEmpty();
  }
}
