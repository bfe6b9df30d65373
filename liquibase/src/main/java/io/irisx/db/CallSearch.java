package io.irisx.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Lists and exports a tenant's calls with optional filters. The SQL is assembled only from fixed
 * fragments, one per filter present; every value is bound. Each filter combination keeps a plan on
 * a {@code (tenant_id, <column>, created_at DESC, id DESC)} index or on the tenant's own.
 */
public final class CallSearch {
  /** Rows fetched per round trip while exporting: memory stays flat whatever the range. */
  static final int EXPORT_FETCH_SIZE = 500;

  private final Jdbi jdbi;

  public CallSearch(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Newest first by (created_at, id); after the (cursorCreatedAt, cursorId) cursor when one is
   * given. Rows inserted meanwhile never shift a page: the cursor is a position, not an offset.
   */
  public List<CallRow> newestFirst(
      CallFilter filter, @Nullable Instant cursorCreatedAt, @Nullable UUID cursorId, int limit) {
    return jdbi.withHandle(handle -> newestFirst(handle, filter, cursorCreatedAt, cursorId, limit));
  }

  /** As {@link #newestFirst(CallFilter, Instant, UUID, int)}, on a handle the caller holds. */
  public static List<CallRow> newestFirst(
      Handle handle,
      CallFilter filter,
      @Nullable Instant cursorCreatedAt,
      @Nullable UUID cursorId,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT ").append(CallDao.COLUMNS).append(" FROM calls");
    List<Binding> bindings = where(filter, sql);
    if (cursorCreatedAt != null) {
      sql.append(" AND (created_at, id) < (:cursorCreatedAt, :cursorId)");
      bindings.add(new Binding("cursorCreatedAt", cursorCreatedAt));
      bindings.add(new Binding("cursorId", cursorId == null ? new UUID(0, 0) : cursorId));
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    bindings.add(new Binding("limit", limit));
    return query(handle, sql, bindings).mapTo(CallRow.class).list();
  }

  /**
   * Hands every matching call to {@code each}, oldest first, reading {@value #EXPORT_FETCH_SIZE}
   * rows at a time through a server-side cursor (hence the transaction): never the whole range in
   * memory.
   */
  public void exportOldestFirst(CallFilter filter, Consumer<CallRow> each) {
    jdbi.useHandle(
        handle -> {
          handle.useTransaction(
              tx -> {
                StringBuilder sql =
                    new StringBuilder("SELECT ").append(CallDao.COLUMNS).append(" FROM calls");
                List<Binding> bindings = where(filter, sql);
                sql.append(" ORDER BY created_at, id");
                try (var rows =
                    query(tx, sql, bindings)
                        .setFetchSize(EXPORT_FETCH_SIZE)
                        .mapTo(CallRow.class)
                        .stream()) {
                  rows.forEach(each);
                }
              });
        });
  }

  private record Binding(String name, Object value) {}

  private static List<Binding> where(CallFilter filter, StringBuilder sql) {
    List<Binding> bindings = new ArrayList<>();
    sql.append(" WHERE tenant_id = :tenantId AND deleted_at IS NULL");
    bindings.add(new Binding("tenantId", filter.tenantId()));
    add(sql, bindings, "status", filter.status(), " AND status = :status");
    add(sql, bindings, "direction", filter.direction(), " AND direction = :direction");
    add(sql, bindings, "fromNumber", filter.from(), " AND from_number = :fromNumber");
    add(sql, bindings, "toNumber", filter.to(), " AND to_number = :toNumber");
    add(sql, bindings, "flow", filter.flow(), " AND flow = :flow");
    add(sql, bindings, "createdFrom", filter.createdFrom(), " AND created_at >= :createdFrom");
    add(sql, bindings, "createdBefore", filter.createdBefore(), " AND created_at < :createdBefore");
    return bindings;
  }

  private static void add(
      StringBuilder sql,
      List<Binding> bindings,
      String name,
      @Nullable Object value,
      String clause) {
    if (value != null) {
      sql.append(clause);
      bindings.add(new Binding(name, value));
    }
  }

  private static Query query(Handle handle, CharSequence sql, List<Binding> bindings) {
    handle.registerRowMapper(ConstructorMapper.factory(CallRow.class));
    Query query = handle.createQuery(sql.toString());
    for (Binding binding : bindings) {
      query.bind(binding.name(), binding.value());
    }
    return query;
  }
}
