package io.irisx.db.console;

import java.time.Instant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Failed log-ins by subject: {@code email:<address>} or {@code ip:<address>}. In the database, so
 * every API replica counts the same failures.
 */
public interface LoginFailureDao {
  @SqlUpdate("INSERT INTO login_failures (subject, failed_at) VALUES (:subject, :at)")
  void record(@Bind("subject") String subject, @Bind("at") Instant at);

  @SqlQuery(
      """
      SELECT count(*) AS count, min(failed_at) AS oldest FROM login_failures
      WHERE subject = :subject AND failed_at > :since
      """)
  @RegisterConstructorMapper(LoginFailures.class)
  LoginFailures since(@Bind("subject") String subject, @Bind("since") Instant since);

  /** A successful log-in forgets the address's failures. */
  @SqlUpdate("DELETE FROM login_failures WHERE subject = :subject")
  void clear(@Bind("subject") String subject);

  @SqlUpdate("DELETE FROM login_failures WHERE failed_at < :before")
  int purgeBefore(@Bind("before") Instant before);
}
