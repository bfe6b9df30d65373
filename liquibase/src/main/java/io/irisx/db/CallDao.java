package io.irisx.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

@RegisterConstructorMapper(CallRow.class)
public interface CallDao extends org.jdbi.v3.sqlobject.SqlObject {
  String COLUMNS =
      """
      id, tenant_id, direction, from_number, to_number, flow, status, node_id, channel_uuid,
      created_at, ringing_at, answered_at, ended_at, duration_seconds, bill_seconds,
      hangup_cause, hangup_cause_code, metadata::text AS metadata_json, sip_code, hung_up_by,
      from_raw
      """;

  /** Inserts a new outbound call as {@code queued}; a second insert of the same id does nothing. */
  @SqlUpdate(
      """
      INSERT INTO calls (id, tenant_id, direction, from_number, to_number, flow, status, created_at)
      VALUES (:id, :tenantId, 'outbound', :from, :to, :flow, 'queued', :createdAt)
      ON CONFLICT (id) DO NOTHING
      """)
  void insertQueued(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("from") String from,
      @Bind("to") String to,
      @Bind("flow") String flow,
      @Bind("createdAt") Instant createdAt);

  /**
   * Inserts an inbound call, ringing on its node since it was parked; a second insert of the same
   * id does nothing (the id is derived from the channel, so a retried registration finds it).
   */
  @SqlUpdate(
      """
      INSERT INTO calls (id, tenant_id, direction, from_number, to_number, flow, phone_number_id,
                         status, node_id, channel_uuid, workflow_id, created_at, ringing_at, from_raw)
      VALUES (:id, :tenantId, 'inbound', :from, :to, :flow, :phoneNumberId,
              'ringing', :nodeId, :channelUuid, :workflowId, :arrivedAt, :arrivedAt, :fromRaw)
      ON CONFLICT (id) DO NOTHING
      """)
  void insertInbound(@BindMethods InboundCallRow call);

  /** The call if it belongs to {@code tenantId} and is not deleted. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM calls WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
  Optional<CallRow> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /**
   * Newest first (created_at desc, id desc); the page after the (createdAt, id) cursor when one is
   * given. A null {@code cursorCreatedAt} means the first page; a cursor without an id means
   * everything strictly older than {@code cursorCreatedAt}.
   */
  default List<CallRow> listNewestFirst(
      UUID tenantId, @Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit) {
    if (cursorCreatedAt == null) {
      return listFirstPage(tenantId, limit);
    }
    return listPageAfter(
        tenantId, cursorCreatedAt, cursorId == null ? new UUID(0, 0) : cursorId, limit);
  }

  /**
   * As {@link #listNewestFirst}, only the calls that pass {@code filter} (its tenant): see {@link
   * CallSearch}.
   */
  default List<CallRow> listNewestFirst(
      CallFilter filter, @Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit) {
    return CallSearch.newestFirst(getHandle(), filter, cursorCreatedAt, cursorId, limit);
  }

  // Two statements rather than one with "(:cursor IS NULL OR ...)": each keeps a plan that walks
  // calls_tenant_created_idx, also once the driver switches to server-side prepared statements.

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM calls
          WHERE tenant_id = :tenantId AND deleted_at IS NULL
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  List<CallRow> listFirstPage(@Bind("tenantId") UUID tenantId, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM calls
          WHERE tenant_id = :tenantId AND deleted_at IS NULL
            AND (created_at, id) < (:cursorCreatedAt, :cursorId)
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  List<CallRow> listPageAfter(
      @Bind("tenantId") UUID tenantId,
      @Bind("cursorCreatedAt") Instant cursorCreatedAt,
      @Bind("cursorId") UUID cursorId,
      @Bind("limit") int limit);

  /**
   * Outbound calls still {@code queued} that were created before {@code before}, oldest first: the
   * candidates for calls whose workflow never started (a request cut off between the row and the
   * start).
   */
  @SqlQuery(
      """
      SELECT id FROM calls
      WHERE status = 'queued' AND direction = 'outbound' AND ended_at IS NULL
        AND created_at < :before
      ORDER BY created_at
      LIMIT :limit
      """)
  List<UUID> queuedOutboundCreatedBefore(@Bind("before") Instant before, @Bind("limit") int limit);

  /**
   * Ends a {@code queued} call that was never dialled because its workflow never started: {@code
   * failed} with cause NORMAL_TEMPORARY_FAILURE (41), hung up by the platform, nothing billed. A
   * call that has moved on meanwhile is left alone.
   */
  @SqlUpdate(
      """
      UPDATE calls SET
        status = 'failed', ended_at = :at, hangup_cause = 'NORMAL_TEMPORARY_FAILURE',
        hangup_cause_code = 41, hung_up_by = 'platform', duration_seconds = 0, bill_seconds = 0
      WHERE id = :id AND status = 'queued' AND ended_at IS NULL
      """)
  boolean failNeverStarted(@Bind("id") UUID id, @Bind("at") Instant at);

  /**
   * Moves a call to a status reached at {@code at}. Never moves a call out of a final status, nor
   * back to an earlier one (a late or replayed write is a no-op). Sets {@code ringing_at} on {@code
   * ringing} and {@code answered_at} on {@code in-progress}, each only if still null; a null node
   * or channel keeps what is stored.
   */
  @SqlUpdate(
      """
      UPDATE calls SET
        status = :status,
        node_id = COALESCE(:nodeId, node_id),
        channel_uuid = COALESCE(:channelUuid, channel_uuid),
        ringing_at = CASE WHEN :status = 'ringing' THEN COALESCE(ringing_at, :at) ELSE ringing_at END,
        answered_at =
          CASE WHEN :status = 'in-progress' THEN COALESCE(answered_at, :at) ELSE answered_at END
      WHERE id = :id
        AND status IN ('queued', 'ringing', 'in-progress')
        AND CASE status WHEN 'queued' THEN 0 WHEN 'ringing' THEN 1 ELSE 2 END
            <= CASE :status WHEN 'queued' THEN 0 WHEN 'ringing' THEN 1 WHEN 'in-progress' THEN 2 ELSE 3 END
      """)
  void updateStatus(
      @Bind("id") UUID id,
      @Bind("status") String status,
      @Bind("at") Instant at,
      @Bind("nodeId") @Nullable String nodeId,
      @Bind("channelUuid") @Nullable String channelUuid);

  /**
   * Writes the final CDR, and with it the call's final status (a CDR outranks any status recorded
   * before it). The first CDR wins: once {@code ended_at} is set, later writes do nothing, so
   * writing the same record twice leaves one identical row ({@code updated_at} included).
   */
  @SqlUpdate(
      """
      UPDATE calls SET
        status = :status,
        node_id = COALESCE(:nodeId, node_id),
        channel_uuid = COALESCE(:channelUuid, channel_uuid),
        ringing_at = COALESCE(:ringingAt, ringing_at),
        answered_at = COALESCE(:answeredAt, answered_at),
        ended_at = :endedAt,
        duration_seconds = :durationSeconds,
        bill_seconds = :billSeconds,
        hangup_cause = :hangupCause,
        hangup_cause_code = :hangupCauseCode,
        sip_code = :sipCode,
        hung_up_by = :hungUpBy,
        metadata = metadata || COALESCE(CAST(:metadataJson AS jsonb), '{}'::jsonb)
      WHERE id = :id AND ended_at IS NULL
      """)
  void writeCdr(@BindMethods CallCompletion completion);
}
