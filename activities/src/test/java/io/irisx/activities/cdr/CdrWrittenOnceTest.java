package io.irisx.activities.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.CallDao;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.irisx.db.TenantDao;
import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.CallDetailRecord;
import io.irisx.workflows.call.CallRecordActivities;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.CallTransition;
import io.irisx.workflows.call.InboundCallRegistration;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDR is written once per call whatever Temporal does to WriteCdr: an attempt that commits and
 * then dies before reporting (a worker crash at the moment of writing) is retried, and duplicate
 * writes race each other, yet the row is written once ({@code cdr_written_at} and {@code
 * updated_at} never move after the first write) with the first record's values.
 */
class CdrWrittenOnceTest {
  private static EmbeddedPostgres postgres;
  private static Jdbi jdbi;

  @BeforeAll
  static void startDatabase() throws Exception {
    postgres = EmbeddedPostgres.start();
    Migrations.apply(postgres.getPostgresDatabase());
    jdbi = Jdbis.create(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    postgres.close();
  }

  /** Writes the CDR several times at once, as duplicated activity tasks would. */
  @WorkflowInterface
  public interface WriteCdrTwice {
    @WorkflowMethod
    void write(CallDetailRecord record, CallDetailRecord later);
  }

  public static final class WriteCdrTwiceImpl implements WriteCdrTwice {
    private final CallRecordActivities records =
        Workflow.newActivityStub(CallRecordActivities.class);

    @Override
    public void write(CallDetailRecord record, CallDetailRecord later) {
      Promise<Void> first = Async.procedure(records::writeCdr, record);
      Promise<Void> second = Async.procedure(records::writeCdr, record);
      Promise.allOf(first, second).get();
      records.writeCdr(later); // a late, different record (a replayed workflow with other times)
    }
  }

  /** The real activities, whose writeCdr "crashes" after committing on its first attempt. */
  static final class CrashingAfterCommit implements CallRecordActivities {
    private final CallRecordActivitiesImpl real = new CallRecordActivitiesImpl(jdbi);
    final Set<String> crashed = ConcurrentHashMap.newKeySet();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void registerInbound(InboundCallRegistration call) {
      real.registerInbound(call);
    }

    @Override
    public void recordTransition(CallTransition transition) {
      real.recordTransition(transition);
    }

    @Override
    public void restoreOutbound(io.irisx.workflows.call.OutboundCallRestore call) {
      real.restoreOutbound(call);
    }

    @Override
    public void writeCdr(CallDetailRecord record) {
      attempts.incrementAndGet();
      real.writeCdr(record);
      if (Activity.getExecutionContext().getInfo().getAttempt() == 1
          && crashed.add(Activity.getExecutionContext().getInfo().getActivityId())) {
        throw new IllegalStateException("worker died after the commit, before reporting");
      }
    }
  }

  @Test
  void retriedAndDuplicatedWriteCdrLeavesOneCdrWrittenOnce() {
    UUID tenant = UUID.randomUUID();
    UUID call = UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    jdbi.onDemand(TenantDao.class).insert(tenant, "tenant " + tenant);
    jdbi.onDemand(CallDao.class).insertQueued(call, tenant, "+15550100", "+15550111", "hello", t0);
    CallDetailRecord cdr =
        new CallDetailRecord(
            call.toString(),
            tenant.toString(),
            CallStatus.COMPLETED,
            "node-1",
            UUID.randomUUID().toString(),
            t0.plusSeconds(1),
            t0.plusSeconds(2),
            t0.plusSeconds(12),
            12,
            10,
            "NORMAL_CLEARING",
            16,
            Map.of("a", 1),
            200,
            "callee");
    CallDetailRecord later =
        new CallDetailRecord(
            call.toString(),
            tenant.toString(),
            CallStatus.FAILED,
            "node-2",
            null,
            null,
            null,
            t0.plusSeconds(99),
            99,
            0,
            "CALL_REJECTED",
            21,
            Map.of("b", 2),
            603,
            "platform");

    CrashingAfterCommit activities = new CrashingAfterCommit();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      var worker = env.newWorker(TaskQueues.CALLS);
      worker.registerWorkflowImplementationTypes(
          ActivityCatalogue.workflowImplementationOptions(), WriteCdrTwiceImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      WriteCdrTwice workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  WriteCdrTwice.class,
                  WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CALLS).build());

      workflow.write(cdr, later);
    }

    assertThat(activities.crashed).hasSize(3);
    assertThat(activities.attempts.get()).isEqualTo(6);
    var row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT status, node_id, ended_at, duration_seconds, hangup_cause, hangup_cause_code, metadata::text AS m,"
                            + " cdr_written_at, updated_at FROM calls WHERE id = :id")
                    .bind("id", call)
                    .mapToMap()
                    .one());
    assertThat(row)
        .containsEntry("status", "completed")
        .containsEntry("node_id", "node-1")
        .containsEntry("duration_seconds", 12L)
        .containsEntry("hangup_cause", "NORMAL_CLEARING")
        .containsEntry("hangup_cause_code", 16)
        .containsEntry("m", "{\"a\": 1}");
    assertThat(((java.sql.Timestamp) row.get("ended_at")).toInstant())
        .isEqualTo(t0.plusSeconds(12));
    assertThat(row.get("cdr_written_at")).isNotNull();
    // Nothing touched the row after the first write: written once.
    assertThat(((java.sql.Timestamp) row.get("updated_at")).toInstant())
        .isBeforeOrEqualTo(((java.sql.Timestamp) row.get("cdr_written_at")).toInstant());
  }
}
