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

/**
 * A tenant's contacts. Tags and metadata cross the boundary as JSON text (an array of strings, an
 * object), so no driver-specific array binding is needed. Every statement is scoped by tenant.
 */
@RegisterConstructorMapper(ContactRow.class)
public interface ContactDao {
  String COLUMNS =
      """
      id, tenant_id, first_name, last_name, phone_number, email, company,
      to_jsonb(tags)::text AS tags_json, notes, metadata::text AS metadata_json, created_at, updated_at
      """;

  @SqlQuery(
      """
      INSERT INTO contacts (id, tenant_id, first_name, last_name, phone_number, email, company, tags,
                            notes, metadata, created_at, updated_at)
      VALUES (:id, :tenantId, :firstName, :lastName, :phoneNumber, :email, :company,
              ARRAY(SELECT jsonb_array_elements_text(CAST(:tagsJson AS jsonb))), :notes,
              CAST(:metadataJson AS jsonb), :createdAt, :createdAt)
      RETURNING
      """
          + COLUMNS)
  ContactRow insert(@BindMethods ContactRow contact);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM contacts WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL")
  Optional<ContactRow> find(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** {@link #find}, locking the row until the transaction ends (read, merge, write). */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM contacts WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL"
          + " FOR UPDATE")
  Optional<ContactRow> findForUpdate(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id);

  /** Newest first, after the (createdAt, id) cursor when one is given. */
  default List<ContactRow> listNewestFirst(
      UUID tenantId, @Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit) {
    if (cursorCreatedAt == null) {
      return listFirstPage(tenantId, limit);
    }
    return listPageAfter(
        tenantId, cursorCreatedAt, cursorId == null ? new UUID(0, 0) : cursorId, limit);
  }

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM contacts
          WHERE tenant_id = :tenantId AND deleted_at IS NULL
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  List<ContactRow> listFirstPage(@Bind("tenantId") UUID tenantId, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + """
           FROM contacts
          WHERE tenant_id = :tenantId AND deleted_at IS NULL
            AND (created_at, id) < (:cursorCreatedAt, :cursorId)
          ORDER BY created_at DESC, id DESC
          LIMIT :limit
          """)
  List<ContactRow> listPageAfter(
      @Bind("tenantId") UUID tenantId,
      @Bind("cursorCreatedAt") Instant cursorCreatedAt,
      @Bind("cursorId") UUID cursorId,
      @Bind("limit") int limit);

  /** Replaces every field a client may change; empty when there is no such contact. */
  @SqlQuery(
      """
      UPDATE contacts SET
        first_name = :firstName, last_name = :lastName, phone_number = :phoneNumber,
        email = :email, company = :company,
        tags = ARRAY(SELECT jsonb_array_elements_text(CAST(:tagsJson AS jsonb))),
        notes = :notes, metadata = CAST(:metadataJson AS jsonb)
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      RETURNING
      """
          + COLUMNS)
  Optional<ContactRow> update(@BindMethods ContactRow contact);

  /** Soft-deletes the contact; false when there is no such contact. */
  @SqlUpdate(
      """
      UPDATE contacts SET deleted_at = :at
      WHERE tenant_id = :tenantId AND id = :id AND deleted_at IS NULL
      """)
  boolean softDelete(@Bind("tenantId") UUID tenantId, @Bind("id") UUID id, @Bind("at") Instant at);
}
