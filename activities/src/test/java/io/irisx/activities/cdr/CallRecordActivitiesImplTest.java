package io.irisx.activities.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irisx.db.CallDao;
import io.irisx.db.CallLogDao;
import io.irisx.db.CallLogRow;
import io.irisx.db.CallRow;
import io.irisx.db.Jdbis;
import io.irisx.db.Migrations;
import io.irisx.db.TenantDao;
import io.irisx.workflows.call.CallDetailRecord;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.CallTransition;
import io.irisx.workflows.call.OutboundCallRestore;
import io.temporal.failure.ApplicationFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write survives a Temporal retry: calling twice leaves what calling once left. */
class CallRecordActivitiesImplTest {
  private static EmbeddedPostgres postgres;
  private static Jdbi jdbi;

  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private CallRecordActivitiesImpl activities;
  private UUID tenant;
  private UUID call;

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

  @BeforeEach
  void newTenantWithAQueuedCall() {
    activities = new CallRecordActivitiesImpl(jdbi);
    tenant = UUID.randomUUID();
    call = UUID.randomUUID();
    jdbi.onDemand(TenantDao.class).insert(tenant, "tenant " + tenant);
    jdbi.onDemand(CallDao.class).insertQueued(call, tenant, "+15550001", "+15550002", "hello", t0);
  }

  @Test
  void retriedTransitionLeavesOneEntryAndOneStatusChange() {
    CallTransition ringing = transition(2, "call.ringing", CallStatus.RINGING, t0.plusSeconds(1));

    activities.recordTransition(ringing);
    String afterFirst = rawCall();
    activities.recordTransition(ringing);

    assertThat(rawCall()).isEqualTo(afterFirst);
    assertThat(jdbi.onDemand(CallLogDao.class).list(tenant, call))
        .containsExactly(
            new CallLogRow(
                call, tenant, 2, "call.ringing", "ringing", "detail 2", t0.plusSeconds(1)));
    CallRow row = callRow();
    assertThat(row.status()).isEqualTo("ringing");
    assertThat(row.ringingAt()).isEqualTo(t0.plusSeconds(1));
    assertThat(row.nodeId()).isEqualTo("node-1");
    assertThat(row.channelUuid()).isEqualTo("chan-1");
  }

  @Test
  void transitionWithoutStatusOnlyExtendsTheTimeline() {
    activities.recordTransition(transition(1, "call.dtmf", null, t0.plusSeconds(1)));

    assertThat(jdbi.onDemand(CallLogDao.class).list(tenant, call))
        .singleElement()
        .satisfies(entry -> assertThat(entry.status()).isNull());
    assertThat(callRow().status()).isEqualTo("queued");
  }

  @Test
  void retriedCdrLeavesOneIdenticalRowInAFinalStatus() {
    activities.recordTransition(transition(1, "call.queued", CallStatus.QUEUED, t0));
    activities.recordTransition(
        transition(2, "call.ringing", CallStatus.RINGING, t0.plusSeconds(1)));
    activities.recordTransition(
        transition(3, "call.answered", CallStatus.IN_PROGRESS, t0.plusSeconds(3)));
    CallDetailRecord cdr = cdr(CallStatus.COMPLETED);

    activities.writeCdr(cdr);
    String afterFirst = rawCall();
    activities.writeCdr(cdr);

    assertThat(rawCall()).isEqualTo(afterFirst);
    assertThat(countCalls()).isEqualTo(1);
    assertThat(callRow())
        .isEqualTo(
            new CallRow(
                call,
                tenant,
                "outbound",
                "+15550001",
                "+15550002",
                "hello",
                "completed",
                "node-1",
                "chan-1",
                t0,
                t0.plusSeconds(1),
                t0.plusSeconds(3),
                t0.plusSeconds(33),
                33L,
                30L,
                "NORMAL_CLEARING",
                16,
                "{\"reminder\": \"confirmed\"}",
                null,
                "platform",
                null));
  }

  @Test
  void aFinalStatusAppearsOnlyWithItsCdr() {
    activities.recordTransition(
        transition(2, "call.ringing", CallStatus.RINGING, t0.plusSeconds(1)));
    activities.recordTransition(transition(3, "call.busy", CallStatus.BUSY, t0.plusSeconds(2)));

    assertThat(callRow().status()).isEqualTo("ringing");
    assertThat(callRow().hangupCause()).isNull();
    assertThat(jdbi.onDemand(CallLogDao.class).list(tenant, call))
        .extracting(CallLogRow::status)
        .containsExactly("ringing", "busy");

    activities.writeCdr(cdr(CallStatus.NO_ANSWER));
    assertThat(callRow().status()).isEqualTo("no-answer");
    assertThat(callRow().hangupCause()).isEqualTo("NO_ANSWER");
  }

  @Test
  void lateRetryOfAnEarlierTransitionDoesNotReopenAnEndedCall() {
    CallTransition ringing = transition(2, "call.ringing", CallStatus.RINGING, t0.plusSeconds(1));
    activities.recordTransition(ringing);
    activities.writeCdr(cdr(CallStatus.NO_ANSWER));
    String ended = rawCall();

    activities.recordTransition(ringing);

    assertThat(rawCall()).isEqualTo(ended);
    assertThat(callRow().status()).isEqualTo("no-answer");
    assertThat(jdbi.onDemand(CallLogDao.class).list(tenant, call)).hasSize(1);
  }

  @Test
  void anotherTenantsCallIsNotWritten() {
    UUID otherTenant = UUID.randomUUID();
    jdbi.onDemand(TenantDao.class).insert(otherTenant, "other");
    CallTransition foreign =
        new CallTransition(
            call.toString(),
            otherTenant.toString(),
            1,
            "call.ringing",
            CallStatus.RINGING,
            t0,
            "node-1",
            "chan-1",
            null);

    assertThatThrownBy(() -> activities.recordTransition(foreign))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(CallRecordActivitiesImpl.CALL_NOT_FOUND);
              // a row that is missing was lost: no retry can find it (the workflow restores it)
              assertThat(f.isNonRetryable()).isTrue();
            });
    assertThat(callRow().status()).isEqualTo("queued");
    assertThat(jdbi.onDemand(CallLogDao.class).list(tenant, call)).isEmpty();
  }

  @Test
  void cdrWithoutAFinalStatusIsRefusedForGood() {
    assertThatThrownBy(() -> activities.writeCdr(cdr(CallStatus.IN_PROGRESS)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(CallRecordActivitiesImpl.INVALID_RECORD);
              assertThat(f.isNonRetryable()).isTrue();
            });
    assertThat(callRow().endedAt()).isNull();
  }

  @Test
  void aCallWhoseRowWasLostIsWrittenAgainFromItsRequestAndItsTimelineGoesOn() {
    // The database lost its last commits: the call's row is gone.
    jdbi.useHandle(h -> h.execute("DELETE FROM calls WHERE id = ?", call));
    CallTransition ringing = transition(2, "call.ringing", CallStatus.RINGING, t0.plusSeconds(1));
    assertThatThrownBy(() -> activities.recordTransition(ringing))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());

    OutboundCallRestore restore =
        new OutboundCallRestore(
            call.toString(), tenant.toString(), "+15550001", "+15550002", "hello", t0);
    activities.restoreOutbound(restore);
    activities.restoreOutbound(restore);
    activities.recordTransition(ringing);

    assertThat(callRow().status()).isEqualTo("ringing");
    assertThat(callRow().toNumber()).isEqualTo("+15550002");
    assertThat(jdbi.onDemand(CallLogDao.class).list(tenant, call)).hasSize(1);
  }

  private CallTransition transition(int sequence, String event, CallStatus status, Instant at) {
    return new CallTransition(
        call.toString(),
        tenant.toString(),
        sequence,
        event,
        status,
        at,
        "node-1",
        "chan-1",
        "detail " + sequence);
  }

  private CallDetailRecord cdr(CallStatus status) {
    boolean answered = status == CallStatus.COMPLETED;
    return new CallDetailRecord(
        call.toString(),
        tenant.toString(),
        status,
        "node-1",
        "chan-1",
        t0.plusSeconds(1),
        answered ? t0.plusSeconds(3) : null,
        t0.plusSeconds(33),
        33,
        answered ? 30 : 0,
        answered ? "NORMAL_CLEARING" : "NO_ANSWER",
        answered ? 16 : 19,
        answered ? java.util.Map.of("reminder", "confirmed") : null,
        answered ? null : 480,
        answered ? "platform" : "callee");
  }

  private CallRow callRow() {
    return jdbi.onDemand(CallDao.class).find(tenant, call).orElseThrow();
  }

  /** The whole row as PostgreSQL prints it, updated_at included. */
  private String rawCall() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT c::text FROM calls c WHERE id = :id")
                .bind("id", call)
                .mapTo(String.class)
                .one());
  }

  private int countCalls() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM calls WHERE id = :id")
                .bind("id", call)
                .mapTo(int.class)
                .one());
  }
}
