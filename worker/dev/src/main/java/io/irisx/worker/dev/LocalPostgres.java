package io.irisx.worker.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/** PostgreSQL 16 from embedded binaries, on 127.0.0.1, its data kept in a directory across runs. */
final class LocalPostgres implements AutoCloseable {
  static final String USER = "postgres";
  static final String DATABASE = "postgres";

  private final EmbeddedPostgres postgres;
  private final int port;
  private final Path dataDirectory;

  private LocalPostgres(EmbeddedPostgres postgres, int port, Path dataDirectory) {
    this.postgres = postgres;
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  static LocalPostgres start(int port, Path dataDirectory) {
    return start(port, dataDirectory, false);
  }

  /**
   * @param durable every commit reaches the disk (fsync and synchronous commits on), as in
   *     production: for the fault suite, which kills PostgreSQL and must not lose what it told
   *     IRISX was committed. Off, the dev stack is faster and a crash may lose the last commits.
   */
  static LocalPostgres start(int port, Path dataDirectory, boolean durable) {
    LocalPorts.requireFree(port, "PostgreSQL");
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", LocalPorts.HOST)
              .setServerConfig("max_connections", "200")
              // Counts the SQL a call runs (the bench reads it); a few bytes per statement shape.
              .setServerConfig("shared_preload_libraries", "pg_stat_statements");
      if (durable) {
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      return new LocalPostgres(builder.start(), port, dataDirectory);
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

  /** SIGKILL to the postmaster and its backends, as when the machine loses power. */
  void killHard() {
    long pid;
    try {
      pid =
          Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("no postmaster.pid in " + dataDirectory, e);
    }
    ProcessHandle.of(pid).ifPresent(LocalProcesses::killTree);
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
