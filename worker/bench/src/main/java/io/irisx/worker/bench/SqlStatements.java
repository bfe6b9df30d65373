package io.irisx.worker.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL statements IRISX ran against its database during a run, from PostgreSQL's
 * pg_stat_statements (the dev stack preloads it): reset before the calls, summed after, without the
 * bench's own reads (its CDR poll and these queries). Transaction control (BEGIN, COMMIT, SET, ...)
 * counts, and is also given apart: each is a round trip to the database like any other.
 */
final class SqlStatements {
  private static final int TOP = 12;
  private static final String OURS =
      " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND query NOT ILIKE '%pg_stat_statements%'"
          + " AND query <> ?";
  private static final String TRANSACTION_CONTROL =
      "query ~* '^\\s*(BEGIN|START|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW|RESET|DISCARD)\\M'";

  /**
   * @param total statements run
   * @param transactionControl of which BEGIN, COMMIT, SET and the like
   * @param top the most frequent statements, as "count: text"
   */
  record Count(long total, long transactionControl, List<String> top) {}

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
  Count count() {
    String poll = CdrTable.QUERY.replace("?", "$1");
    try (Connection connection = connect(jdbcUrl);
        PreparedStatement totals =
            connection.prepareStatement(
                "SELECT coalesce(sum(calls), 0),"
                    + " coalesce(sum(calls) FILTER (WHERE "
                    + TRANSACTION_CONTROL
                    + "), 0) FROM pg_stat_statements"
                    + OURS);
        PreparedStatement top =
            connection.prepareStatement(
                "SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
                    + " FROM pg_stat_statements"
                    + OURS
                    + " ORDER BY calls DESC LIMIT "
                    + TOP)) {
      totals.setString(1, poll);
      top.setString(1, poll);
      long total;
      long control;
      try (ResultSet rows = totals.executeQuery()) {
        rows.next();
        total = rows.getLong(1);
        control = rows.getLong(2);
      }
      List<String> frequent = new ArrayList<>();
      try (ResultSet rows = top.executeQuery()) {
        while (rows.next()) {
          frequent.add(rows.getLong(1) + ": " + rows.getString(2));
        }
      }
      return new Count(total, control, List.copyOf(frequent));
    } catch (SQLException e) {
      return null;
    }
  }

  private static Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }
}
