package io.irisx.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@code recordings}: a recording's life ({@code recording -> uploading -> available | failed},
 * then perhaps {@code deleted}). Every write is idempotent and only moves the status forward.
 */
@RegisterConstructorMapper(RecordingRow.class)
public interface RecordingDao {
  String COLUMNS =
      """
      id, tenant_id, call_id, status, s3_bucket, s3_key, content_type, duration_millis, size_bytes,
      checksum_sha256, failure_reason, started_at, ended_at, uploaded_at, created_at
      """;

  /** Inserts the row as {@code recording}; 0 when a row with this id exists already. */
  @SqlUpdate(
      """
      INSERT INTO recordings (id, tenant_id, call_id, status, started_at)
      VALUES (:id, :tenantId, :callId, 'recording', :startedAt)
      ON CONFLICT (id) DO NOTHING
      """)
  int insertStarted(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("callId") UUID callId,
      @Bind("startedAt") Instant startedAt);

  /** Any recording by id, deleted or not, whoever's: for the activities, never for the API. */
  @SqlQuery("SELECT " + COLUMNS + " FROM recordings WHERE id = :id")
  Optional<RecordingRow> findAny(@Bind("id") UUID id);

  @SqlUpdate("UPDATE recordings SET status = 'uploading' WHERE id = :id AND status = 'recording'")
  int markUploading(@Bind("id") UUID id);

  @SqlUpdate(
      """
      UPDATE recordings SET
        status = 'available', s3_bucket = :bucket, s3_key = :key, size_bytes = :sizeBytes,
        checksum_sha256 = :checksumSha256, duration_millis = :durationMillis,
        ended_at = COALESCE(ended_at, started_at + make_interval(secs => :durationMillis / 1000.0)),
        uploaded_at = COALESCE(uploaded_at, now()), failure_reason = NULL
      WHERE id = :id AND status IN ('recording', 'uploading', 'failed')
      """)
  int markAvailable(
      @Bind("id") UUID id,
      @Bind("bucket") String bucket,
      @Bind("key") String key,
      @Bind("sizeBytes") long sizeBytes,
      @Bind("checksumSha256") String checksumSha256,
      @Bind("durationMillis") long durationMillis);

  @SqlUpdate(
      """
      UPDATE recordings SET status = 'failed', failure_reason = :reason
      WHERE id = :id AND status IN ('recording', 'uploading')
      """)
  int markFailed(@Bind("id") UUID id, @Bind("reason") String reason);

  /** Marks the recording deleted (its object is gone); a repeat does nothing. */
  @SqlUpdate(
      """
      UPDATE recordings SET status = 'deleted', deleted_at = COALESCE(deleted_at, now())
      WHERE id = :id AND status <> 'deleted'
      """)
  int markDeleted(@Bind("id") UUID id);

  /** The tenant's recording, unless deleted. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM recordings WHERE tenant_id = :tenantId AND id = :id AND status <> 'deleted'")
  Optional<RecordingRow> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** The call's recordings in the order they were made, deleted ones left out. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM recordings
          WHERE tenant_id = :tenantId AND call_id = :callId AND status <> 'deleted'
          ORDER BY created_at, id
          """)
  List<RecordingRow> listForCall(@Bind("tenantId") UUID tenantId, @Bind("callId") UUID callId);

  /**
   * Up to {@code limit} recordings past their tenant's retention period ({@code
   * tenants.recording_retention_days}), oldest first; only finished ones (available or failed).
   */
  @SqlQuery(
      """
      SELECT r.id FROM recordings r JOIN tenants t ON t.id = r.tenant_id
      WHERE r.status IN ('available', 'failed')
        AND t.recording_retention_days IS NOT NULL
        AND r.created_at < now() - make_interval(days => t.recording_retention_days)
      ORDER BY r.created_at, r.id
      LIMIT :limit
      """)
  List<UUID> findExpired(@Bind("limit") int limit);

  /** Sets (or, with null, clears) the tenant's retention period. */
  @SqlUpdate("UPDATE tenants SET recording_retention_days = :days WHERE id = :tenantId")
  int setRetentionDays(@Bind("tenantId") UUID tenantId, @Bind("days") Integer days);
}
