package io.irisx.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL per test class, migrated. Tests own their data by creating a fresh tenant
 * each, so they run in any order against the shared database.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedPostgres postgres;
  private Jdbi jdbi;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = EmbeddedPostgres.start();
    Migrations.apply(dataSource());
    jdbi = Jdbis.create(dataSource());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public <T> T dao(Class<T> type) {
    return jdbi.onDemand(type);
  }

  public UUID newTenant() {
    UUID id = UUID.randomUUID();
    dao(TenantDao.class).insert(id, "tenant " + id);
    return id;
  }

  /** Now, at PostgreSQL's precision, so what is read back equals what was written. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
