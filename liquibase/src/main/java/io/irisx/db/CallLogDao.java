package io.irisx.db;

import java.util.List;
import java.util.UUID;

public interface CallLogDao {
  /** Inserts the entry unless one with the same (call, sequence) exists. */
  void insertIfAbsent(CallLogRow row);

  List<CallLogRow> list(UUID tenantId, UUID callId);
}
