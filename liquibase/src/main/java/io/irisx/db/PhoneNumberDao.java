package io.irisx.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

public interface PhoneNumberDao {
  /**
   * The route for an inbound call to {@code number} (strict E.164): only an active, undeleted
   * number with a flow of an active tenant routes; anything else is an unallocated number.
   */
  @SqlQuery(
      """
      SELECT p.id AS phone_number_id, p.tenant_id, p.number, p.voice_flow AS flow,
             p.voice_flow_params::text AS flow_params_json
      FROM phone_numbers p JOIN tenants t ON t.id = p.tenant_id
      WHERE p.number = :number AND p.deleted_at IS NULL AND p.status = 'active'
        AND p.voice_flow IS NOT NULL
        AND t.deleted_at IS NULL AND t.status = 'active'
      """)
  @RegisterConstructorMapper(InboundRoute.class)
  Optional<InboundRoute> findInboundRoute(@Bind("number") String number);

  // The API's view of a tenant's numbers. Every statement is scoped by tenant; a soft-deleted
  // number is gone for the API, and its number may be taken again (the unique index is partial).

  String ROW_COLUMNS =
      """
      id, tenant_id, number, friendly_name, voice_flow AS flow,
      voice_flow_params::text AS flow_params_json, status, created_at, updated_at
      """;

  /**
   * Adds a number for a tenant; empty when the number is already live (any tenant's), so a number
   * belongs to at most one tenant.
   */
  @SqlQuery(
      """
      INSERT INTO phone_numbers (id, tenant_id, number, friendly_name, voice_flow, voice_flow_params, created_at, updated_at)
      VALUES (:id, :tenantId, :number, :friendlyName, :flow, CAST(:flowParamsJson AS jsonb), :createdAt, :createdAt)
      ON CONFLICT (number) WHERE deleted_at IS NULL DO NOTHING
      RETURNING
      """
          + ROW_COLUMNS)
  @RegisterConstructorMapper(PhoneNumberRow.class)
  Optional<PhoneNumberRow> insert(
      @Bind("id") UUID id,
      @Bind("tenantId") UUID tenantId,
      @Bind("number") String number,
      @Bind("friendlyName") @Nullable String friendlyName,
      @Bind("flow") String flow,
      @Bind("flowParamsJson") String flowParamsJson,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery(
      "SELECT "
          + ROW_COLUMNS
          + " FROM phone_numbers WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
  @RegisterConstructorMapper(PhoneNumberRow.class)
  Optional<PhoneNumberRow> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** {@link #find}, locking the row until the transaction ends (read, merge, write). */
  @SqlQuery(
      "SELECT "
          + ROW_COLUMNS
          + " FROM phone_numbers WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL"
          + " FOR UPDATE")
  @RegisterConstructorMapper(PhoneNumberRow.class)
  Optional<PhoneNumberRow> findForUpdate(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** Newest first, after the (createdAt, id) cursor when one is given. */
  default List<PhoneNumberRow> listNewestFirst(
      UUID tenantId, @Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit) {
    if (cursorCreatedAt == null) {
      return listFirstPage(tenantId, limit);
    }
    return listPageAfter(
        tenantId, cursorCreatedAt, cursorId == null ? new UUID(0, 0) : cursorId, limit);
  }

  @SqlQuery(
      "SELECT "
          + ROW_COLUMNS
          + """
           FROM phone_numbers
          WHERE tenant_id = :tenantId AND deleted_at IS NULL
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  @RegisterConstructorMapper(PhoneNumberRow.class)
  List<PhoneNumberRow> listFirstPage(@Bind("tenantId") UUID tenantId, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + ROW_COLUMNS
          + """
           FROM phone_numbers
          WHERE tenant_id = :tenantId AND deleted_at IS NULL
            AND (created_at, id) < (:cursorCreatedAt, :cursorId)
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  @RegisterConstructorMapper(PhoneNumberRow.class)
  List<PhoneNumberRow> listPageAfter(
      @Bind("tenantId") UUID tenantId,
      @Bind("cursorCreatedAt") Instant cursorCreatedAt,
      @Bind("cursorId") UUID cursorId,
      @Bind("limit") int limit);

  /**
   * Replaces the flow, its parameters and the friendly name; empty when there is no such number.
   */
  @SqlQuery(
      """
      UPDATE phone_numbers
      SET voice_flow = :flow, voice_flow_params = CAST(:flowParamsJson AS jsonb), friendly_name = :friendlyName
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      RETURNING
      """
          + ROW_COLUMNS)
  @RegisterConstructorMapper(PhoneNumberRow.class)
  Optional<PhoneNumberRow> update(
      @Bind("tenantId") UUID tenantId,
      @Bind("id") UUID id,
      @Bind("flow") String flow,
      @Bind("flowParamsJson") String flowParamsJson,
      @Bind("friendlyName") @Nullable String friendlyName);

  /** Soft-deletes the number (it stops routing at once); false when there is no such number. */
  @SqlUpdate(
      """
      UPDATE phone_numbers SET deleted_at = :at
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean softDelete(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("at") Instant at);
}
