package io.irisx.worker.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the CDRs of the bench's calls straight from the calls table (the API does not show
 * cdr_written_at).
 */
final class CdrTable {
  /** A written CDR: when the call ended and when its CDR reached the row. */
  record Cdr(String status, long endedAtMicros, long writtenAtMicros) {}

  /** Its text, for the SQL counter to leave it out. */
  static final String QUERY =
      "SELECT id, status, ended_at, cdr_written_at FROM calls"
          + " WHERE id = ANY(?) AND ended_at IS NOT NULL AND cdr_written_at IS NOT NULL";

  private final String jdbcUrl;

  CdrTable(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** The CDRs written so far for these calls, by call id. */
  Map<String, Cdr> written(Collection<String> callIds) throws SQLException {
    Map<String, Cdr> cdrs = new HashMap<>();
    if (callIds.isEmpty()) {
      return cdrs;
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setArray(
          1, connection.createArrayOf("uuid", callIds.stream().map(UUID::fromString).toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          cdrs.put(
              rows.getString(1),
              new Cdr(
                  rows.getString(2), micros(rows.getTimestamp(3)), micros(rows.getTimestamp(4))));
        }
      }
    }
    return cdrs;
  }

  private static long micros(Timestamp at) {
    return Clock.micros(at.toInstant());
  }
}
