package io.irisx.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallLogDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final CallDao calls = db.dao(CallDao.class);
  private final CallLogDao logs = db.dao(CallLogDao.class);

  @Test
  void insertIfAbsentKeepsOneEntryPerSequence() {
    UUID tenant = db.newTenant();
    UUID call = queuedCall(tenant);
    Instant t0 = PostgresExtension.now();
    CallLogRow queued = new CallLogRow(call, tenant, 1, "call.queued", "queued", null, t0);
    CallLogRow ringing =
        new CallLogRow(
            call, tenant, 2, "call.ringing", "ringing", "node node-1", t0.plusSeconds(1));

    logs.insertIfAbsent(ringing);
    logs.insertIfAbsent(queued);
    logs.insertIfAbsent(queued);
    logs.insertIfAbsent(
        new CallLogRow(call, tenant, 2, "call.other", "in-progress", "late", t0.plusSeconds(9)));

    assertThat(logs.list(tenant, call)).containsExactly(queued, ringing);
  }

  @Test
  void entryMustBelongToTheCallsTenant() {
    UUID tenant = db.newTenant();
    UUID other = db.newTenant();
    UUID call = queuedCall(tenant);

    assertThatThrownBy(
            () ->
                logs.insertIfAbsent(
                    new CallLogRow(
                        call, other, 1, "call.queued", "queued", null, PostgresExtension.now())))
        .hasMessageContaining("call_logs_call_fk");
  }

  private UUID queuedCall(UUID tenant) {
    UUID id = UUID.randomUUID();
    calls.insertQueued(id, tenant, "+15550001", "+15550002", "hello", PostgresExtension.now());
    return id;
  }
}
