package io.irisx.worker.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL statements IRISX ran against its database during a run, from PostgreSQL's
 * pg_stat_statements (the dev stack preloads it): reset before the calls, summed after, without the
 * bench's own reads (its CDR poll and these queries). Transaction control (BEGIN, COMMIT) counts:
 * each is a round trip to the database like any other.
 */
final class SqlStatements {
  private final String jdbcUrl;

  private SqlStatements(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** The counter of this database, reset; null when the database does not track statements. */
  static SqlStatements reset(String jdbcUrl) {
    try (Connection connection = connect(jdbcUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      statement.execute("SELECT pg_stat_statements_reset()");
      return new SqlStatements(jdbcUrl);
    } catch (SQLException notPreloaded) {
      return null;
    }
  }

  /** Statements run since the reset, the bench's own left out; null when they cannot be read. */
  Long count() {
    try (Connection connection = connect(jdbcUrl);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
                    + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND query NOT ILIKE '%pg_stat_statements%'"
                    + " AND query <> ?")) {
      query.setString(1, CdrTable.QUERY.replace("?", "$1"));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      return null;
    }
  }

  private static Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }
}
