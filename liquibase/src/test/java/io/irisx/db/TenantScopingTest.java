package io.irisx.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invariant: every query is scoped by tenant; one tenant cannot see another's data. */
class TenantScopingTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final CallDao calls = db.dao(CallDao.class);
  private final CallLogDao logs = db.dao(CallLogDao.class);

  @Test
  void oneTenantCannotSeeAnothersCalls() {
    UUID tenantA = db.newTenant();
    UUID tenantB = db.newTenant();
    UUID callOfA = UUID.randomUUID();
    calls.insertQueued(
        callOfA, tenantA, "+15550001", "+15550002", "hello", PostgresExtension.now());
    logs.insertIfAbsent(
        new CallLogRow(
            callOfA, tenantA, 1, "call.queued", "queued", null, PostgresExtension.now()));

    assertThat(calls.find(tenantA, callOfA)).isPresent();
    assertThat(calls.find(tenantB, callOfA)).isEmpty();
    assertThat(calls.listNewestFirst(tenantB, null, null, 100)).isEmpty();
    CallRow a = calls.listNewestFirst(tenantA, null, null, 100).get(0);
    assertThat(calls.listNewestFirst(tenantB, a.createdAt().plusSeconds(1), null, 100)).isEmpty();
    assertThat(logs.list(tenantA, callOfA)).hasSize(1);
    assertThat(logs.list(tenantB, callOfA)).isEmpty();
  }
}
