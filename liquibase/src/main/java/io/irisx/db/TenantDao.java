package io.irisx.db;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

@RegisterConstructorMapper(TenantRow.class)
public interface TenantDao {
  /** Creates an active tenant; a second insert of the same id does nothing. */
  @SqlUpdate("INSERT INTO tenants (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
  void insert(@Bind("id") UUID id, @Bind("name") String name);

  /** The tenant unless it has been deleted; suspended tenants are found (check {@code status}). */
  @SqlQuery(
      "SELECT id, name, status, created_at, recording_retention_days FROM tenants"
          + " WHERE id = :id AND deleted_at IS NULL")
  Optional<TenantRow> find(@Bind("id") UUID id);

  /**
   * The tenant's call limits (nulls where it uses the defaults); empty when there is no such
   * tenant.
   */
  @SqlQuery(
      "SELECT calls_per_second, max_concurrent_calls, max_queue_wait_seconds FROM tenants"
          + " WHERE id = :id AND deleted_at IS NULL")
  @RegisterConstructorMapper(TenantCallLimits.class)
  Optional<TenantCallLimits> findCallLimits(@Bind("id") UUID id);

  /** Replaces the tenant's call limits; returns the rows changed (0: no such tenant). */
  @SqlUpdate(
      "UPDATE tenants SET calls_per_second = :callsPerSecond, max_concurrent_calls = :maxConcurrentCalls,"
          + " max_queue_wait_seconds = :maxQueueWaitSeconds WHERE id = :id AND deleted_at IS NULL")
  int setCallLimits(
      @Bind("id") UUID id, @org.jdbi.v3.sqlobject.customizer.BindMethods TenantCallLimits limits);

  /**
   * Sets (null: clears) how many days the tenant's recordings are kept; the retention schedule
   * reads it on its next run. False when there is no such (undeleted) tenant.
   */
  @SqlUpdate(
      "UPDATE tenants SET recording_retention_days = :days WHERE id = :id AND deleted_at IS NULL")
  boolean setRecordingRetentionDays(@Bind("id") UUID id, @Bind("days") @Nullable Integer days);
}
