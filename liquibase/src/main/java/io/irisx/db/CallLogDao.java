package io.irisx.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CallLogRow.class)
public interface CallLogDao {
  /**
   * Inserts the entry unless one with the same (call, sequence) exists. The row's tenant must be
   * the call's tenant: the foreign key is on (tenant_id, call_id).
   */
  @SqlUpdate(
      """
      INSERT INTO call_logs (tenant_id, call_id, sequence, event_type, status, detail, occurred_at)
      VALUES (:tenantId, :callId, :sequence, :eventType, :status, :detail, :occurredAt)
      ON CONFLICT (call_id, sequence) DO NOTHING
      """)
  void insertIfAbsent(@BindMethods CallLogRow row);

  /** The call's timeline in order; empty when the call is another tenant's. */
  @SqlQuery(
      """
      SELECT call_id, tenant_id, sequence, event_type, status, detail, occurred_at
      FROM call_logs
      WHERE tenant_id = :tenantId AND call_id = :callId
      ORDER BY sequence
      """)
  List<CallLogRow> list(@Bind("tenantId") UUID tenantId, @Bind("callId") UUID callId);
}
