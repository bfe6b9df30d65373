package io.irisx.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationsTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private static final List<String> TABLES =
      List.of(
          "tenants",
          "users",
          "api_keys",
          "phone_numbers",
          "calls",
          "call_logs",
          "webhooks",
          "webhook_deliveries",
          "contacts",
          "sessions",
          "recordings");

  @Test
  void applyingTwiceIsANoOp() {
    assertThatCode(() -> Migrations.apply(db.dataSource())).doesNotThrowAnyException();
    int applied =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM databasechangelog").mapTo(int.class).one());
    Migrations.apply(db.dataSource());
    int appliedAgain =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM databasechangelog").mapTo(int.class).one());
    assertThat(appliedAgain).isEqualTo(applied).isPositive();
  }

  @Test
  void createsEveryTable() {
    List<String> tables =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT table_name FROM information_schema.tables"
                                + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
                        .mapTo(String.class)
                        .list());
    assertThat(tables).containsAll(TABLES);
  }

  @Test
  void everyTenantOwnedTableHasATenantForeignKey() {
    List<String> withTenantFk =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT DISTINCT tc.table_name
                            FROM information_schema.table_constraints tc
                            JOIN information_schema.constraint_column_usage ccu
                              ON ccu.constraint_name = tc.constraint_name
                            WHERE tc.constraint_type = 'FOREIGN KEY'
                              AND ccu.table_name IN ('tenants', 'calls', 'webhooks')
                              AND ccu.column_name IN ('id', 'tenant_id')
                            """)
                        .mapTo(String.class)
                        .list());
    assertThat(withTenantFk)
        .containsAll(TABLES.stream().filter(t -> !t.equals("tenants")).toList());
  }

  @Test
  void updatedAtFollowsEveryRealChange() {
    UUID tenant = UUID.randomUUID();
    Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO tenants (id, name, created_at, updated_at)"
                            + " VALUES (:id, 'old', :t, :t)")
                    .bind("id", tenant)
                    .bind("t", longAgo)
                    .execute());
    assertThat(updatedAt(tenant)).isEqualTo(longAgo);

    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE tenants SET name = 'renamed' WHERE id = :id")
                    .bind("id", tenant)
                    .execute());

    assertThat(updatedAt(tenant)).isAfter(Instant.now().minusSeconds(60));
  }

  @Test
  void updatedAtStaysWhenNothingChanged() {
    UUID tenant = db.newTenant();
    Instant before = updatedAt(tenant);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE tenants SET name = name WHERE id = :id")
                    .bind("id", tenant)
                    .execute());
    assertThat(updatedAt(tenant)).isEqualTo(before);
  }

  @Test
  void callStatusIsOneOfTheWireNames() {
    UUID tenant = db.newTenant();
    UUID call = UUID.randomUUID();
    db.dao(CallDao.class)
        .insertQueued(call, tenant, "+15550001", "+15550002", "hello", PostgresExtension.now());
    assertThatThrownBy(
            () ->
                db.dao(CallDao.class)
                    .updateStatus(call, "IN_PROGRESS", PostgresExtension.now(), null, null))
        .hasMessageContaining("calls_status_check");
  }

  private Instant updatedAt(UUID tenant) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT updated_at FROM tenants WHERE id = :id")
                    .bind("id", tenant)
                    .mapTo(Instant.class)
                    .one());
  }
}
