package io.irisx.worker.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Counts of a call's rows straight from the dev stack's PostgreSQL, for "exactly one CDR" checks.
 */
final class CallRows {
  private CallRows() {}

  static int calls(DevStack stack, String callId) throws SQLException {
    return count(stack, "select count(*) from calls where id = ?", callId);
  }

  static int completions(DevStack stack, String callId) throws SQLException {
    return count(
        stack,
        "select count(*) from call_logs where call_id = ? and event_type = 'call.completed'",
        callId);
  }

  private static int count(DevStack stack, String sql, String callId) throws SQLException {
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, UUID.fromString(callId));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
