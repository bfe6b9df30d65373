package io.irisx.worker.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;

/** PostgreSQL 16 from embedded binaries, on 127.0.0.1, its data kept in a directory across runs. */
final class LocalPostgres implements AutoCloseable {
  static final String USER = "postgres";
  static final String DATABASE = "postgres";

  private final EmbeddedPostgres postgres;
  private final int port;

  private LocalPostgres(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  static LocalPostgres start(int port, Path dataDirectory) {
    LocalPorts.requireFree(port, "PostgreSQL");
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", LocalPorts.HOST)
              .setServerConfig("max_connections", "200")
              // Counts the SQL a call runs (the bench reads it); a few bytes per statement shape.
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .start();
      return new LocalPostgres(postgres, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + LocalPorts.HOST + ":" + port + "/" + DATABASE;
  }

  DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
