package io.irisx.db;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The one place that says how a {@link Jdbi} over the IRISX schema is set up, whether built here
 * (worker, tests, dev stack) or by Dropwizard's {@code JdbiFactory} (API).
 */
public final class Jdbis {
  private Jdbis() {}

  public static Jdbi create(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    configure(jdbi);
    return jdbi;
  }

  /**
   * Installs what the DAOs need. Safe on a Jdbi that already has these plugins (plugins are
   * installed once). UUID and {@code Instant} need nothing more: jdbi3-core binds and maps them,
   * and the DAOs' SQL gives every parameter a type PostgreSQL can infer.
   */
  public static void configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
  }
}
