package io.irisx.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final CallDao calls = db.dao(CallDao.class);

  @Test
  void insertQueuedTwiceKeepsTheFirstCall() {
    UUID tenant = db.newTenant();
    UUID id = UUID.randomUUID();
    Instant createdAt = PostgresExtension.now();
    calls.insertQueued(id, tenant, "+15550001", "+15550002", "hello", createdAt);
    calls.insertQueued(id, tenant, "+15559999", "+15559998", "other", createdAt.plusSeconds(5));

    CallRow call = calls.find(tenant, id).orElseThrow();
    assertThat(call)
        .isEqualTo(
            new CallRow(
                id,
                tenant,
                "outbound",
                "+15550001",
                "+15550002",
                "hello",
                "queued",
                null,
                null,
                createdAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "{}",
                null,
                null,
                null));
  }

  @Test
  void listsNewestFirstPageByPage() {
    UUID tenant = db.newTenant();
    Instant base = PostgresExtension.now();
    List<UUID> expected = new ArrayList<>();
    // Two calls share each timestamp, so the id breaks ties.
    for (int i = 0; i < 7; i++) {
      UUID id = UUID.randomUUID();
      calls.insertQueued(id, tenant, "+15550001", "+15550002", "hello", base.plusSeconds(i / 2));
    }
    List<CallRow> all = calls.listNewestFirst(tenant, null, null, 100);
    assertThat(all).hasSize(7);
    assertThat(all)
        .isSortedAccordingTo(
            (a, b) -> {
              int byTime = b.createdAt().compareTo(a.createdAt());
              // PostgreSQL orders uuids as unsigned bytes, which is their text order;
              // UUID.compareTo
              // compares signed longs and would disagree.
              return byTime != 0 ? byTime : b.id().toString().compareTo(a.id().toString());
            });
    all.forEach(c -> expected.add(c.id()));

    List<UUID> paged = new ArrayList<>();
    List<CallRow> page = calls.listNewestFirst(tenant, null, null, 3);
    while (!page.isEmpty()) {
      assertThat(page.size()).isLessThanOrEqualTo(3);
      page.forEach(c -> paged.add(c.id()));
      CallRow last = page.get(page.size() - 1);
      page = calls.listNewestFirst(tenant, last.createdAt(), last.id(), 3);
    }
    assertThat(paged).containsExactlyElementsOf(expected);
  }

  @Test
  void cursorWithoutIdMeansStrictlyOlder() {
    UUID tenant = db.newTenant();
    Instant base = PostgresExtension.now();
    UUID older = UUID.randomUUID();
    UUID newer = UUID.randomUUID();
    calls.insertQueued(older, tenant, "+15550001", "+15550002", "hello", base);
    calls.insertQueued(newer, tenant, "+15550001", "+15550002", "hello", base.plusSeconds(1));

    assertThat(calls.listNewestFirst(tenant, base.plusSeconds(1), null, 10))
        .extracting(CallRow::id)
        .containsExactly(older);
  }

  @Test
  void updateStatusStampsRingingAndAnsweredOnce() {
    UUID tenant = db.newTenant();
    UUID id = queuedCall(tenant);
    Instant t0 = PostgresExtension.now();

    calls.updateStatus(id, "ringing", t0, "node-1", "chan-1");
    calls.updateStatus(id, "ringing", t0.plusSeconds(1), null, null);
    calls.updateStatus(id, "in-progress", t0.plusSeconds(2), null, null);
    calls.updateStatus(id, "in-progress", t0.plusSeconds(3), null, null);

    CallRow call = calls.find(tenant, id).orElseThrow();
    assertThat(call.status()).isEqualTo("in-progress");
    assertThat(call.ringingAt()).isEqualTo(t0);
    assertThat(call.answeredAt()).isEqualTo(t0.plusSeconds(2));
    assertThat(call.nodeId()).isEqualTo("node-1");
    assertThat(call.channelUuid()).isEqualTo("chan-1");
  }

  @Test
  void updateStatusNeverLeavesAFinalStatus() {
    UUID tenant = db.newTenant();
    UUID id = queuedCall(tenant);
    Instant t0 = PostgresExtension.now();

    calls.updateStatus(id, "busy", t0, "node-1", "chan-1");
    calls.updateStatus(id, "ringing", t0.plusSeconds(1), null, null);
    calls.updateStatus(id, "in-progress", t0.plusSeconds(2), null, null);
    calls.updateStatus(id, "completed", t0.plusSeconds(3), "node-2", "chan-2");

    CallRow call = calls.find(tenant, id).orElseThrow();
    assertThat(call.status()).isEqualTo("busy");
    assertThat(call.ringingAt()).isNull();
    assertThat(call.answeredAt()).isNull();
    assertThat(call.nodeId()).isEqualTo("node-1");
  }

  @Test
  void updateStatusNeverMovesBackwards() {
    UUID tenant = db.newTenant();
    UUID id = queuedCall(tenant);
    Instant t0 = PostgresExtension.now();

    calls.updateStatus(id, "in-progress", t0, "node-1", "chan-1");
    calls.updateStatus(id, "ringing", t0.plusSeconds(1), null, null);

    CallRow call = calls.find(tenant, id).orElseThrow();
    assertThat(call.status()).isEqualTo("in-progress");
    assertThat(call.ringingAt()).isNull();
  }

  @Test
  void writingTheSameCdrTwiceLeavesOneIdenticalRow() {
    UUID tenant = db.newTenant();
    UUID id = queuedCall(tenant);
    Instant t0 = PostgresExtension.now();
    calls.updateStatus(id, "ringing", t0, "node-1", "chan-1");
    CallCompletion cdr =
        new CallCompletion(
            id,
            "completed",
            "node-1",
            "chan-1",
            t0,
            t0.plusSeconds(2),
            t0.plusSeconds(32),
            32,
            30,
            "NORMAL_CLEARING",
            16,
            "{\"reminder\": \"confirmed\"}",
            200,
            "callee");

    calls.writeCdr(cdr);
    String first = rawRow(id);
    calls.writeCdr(cdr);

    assertThat(rawRow(id)).isEqualTo(first);
    assertThat(count(id)).isEqualTo(1);
    assertThat(calls.find(tenant, id).orElseThrow())
        .isEqualTo(
            new CallRow(
                id,
                tenant,
                "outbound",
                "+15550001",
                "+15550002",
                "hello",
                "completed",
                "node-1",
                "chan-1",
                calls.find(tenant, id).orElseThrow().createdAt(),
                t0,
                t0.plusSeconds(2),
                t0.plusSeconds(32),
                32L,
                30L,
                "NORMAL_CLEARING",
                16,
                "{\"reminder\": \"confirmed\"}",
                200,
                "callee",
                null));
  }

  @Test
  void cdrOutranksAFinalStatusRecordedBeforeIt() {
    UUID tenant = db.newTenant();
    UUID id = queuedCall(tenant);
    Instant t0 = PostgresExtension.now();
    calls.updateStatus(id, "failed", t0, "node-1", "chan-1");

    calls.writeCdr(
        new CallCompletion(
            id,
            "no-answer",
            null,
            null,
            null,
            null,
            t0.plusSeconds(30),
            30,
            0,
            "NO_ANSWER",
            19,
            null,
            480,
            "callee"));

    CallRow call = calls.find(tenant, id).orElseThrow();
    assertThat(call.status()).isEqualTo("no-answer");
    assertThat(call.nodeId()).isEqualTo("node-1");
    assertThat(call.hangupCauseCode()).isEqualTo(19);
    assertThat(call.billSeconds()).isZero();
  }

  @Test
  void statusAfterTheCdrChangesNothing() {
    UUID tenant = db.newTenant();
    UUID id = queuedCall(tenant);
    Instant t0 = PostgresExtension.now();
    calls.writeCdr(
        new CallCompletion(
            id,
            "canceled",
            null,
            null,
            null,
            null,
            t0,
            0,
            0,
            "ORIGINATOR_CANCEL",
            487,
            null,
            null,
            null));
    String before = rawRow(id);

    calls.updateStatus(id, "in-progress", t0.plusSeconds(1), "node-9", "chan-9");

    assertThat(rawRow(id)).isEqualTo(before);
  }

  private UUID queuedCall(UUID tenant) {
    UUID id = UUID.randomUUID();
    calls.insertQueued(id, tenant, "+15550001", "+15550002", "hello", PostgresExtension.now());
    return id;
  }

  /** The whole row as PostgreSQL prints it, updated_at and metadata included. */
  private String rawRow(UUID id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT c::text FROM calls c WHERE id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .one());
  }

  private int count(UUID id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM calls WHERE id = :id")
                    .bind("id", id)
                    .mapTo(int.class)
                    .one());
  }
}
