package io.irisx.worker.bench;

import java.util.Locale;

/** The Temporal server a bench runs on. */
public enum BenchBackend {
  /** The Java SDK's test server, inside the stack's JVM. */
  IN_PROCESS("in-process"),
  /** The {@code temporal} CLI dev server (SQLite). */
  CLI("cli"),
  /** The Temporal server on PostgreSQL that temporal-config/scripts/temporal-postgres.sh runs. */
  POSTGRES("postgres");

  /** Where temporal-postgres.sh serves gRPC unless told otherwise. */
  public static final String POSTGRES_DEFAULT_TARGET = "127.0.0.1:7243";

  private final String flag;

  BenchBackend(String flag) {
    this.flag = flag;
  }

  public String flag() {
    return flag;
  }

  public static BenchBackend parse(String value) {
    for (BenchBackend backend : values()) {
      if (backend.flag.equals(value.toLowerCase(Locale.ROOT))) {
        return backend;
      }
    }
    throw new IllegalArgumentException("--temporal is in-process, cli or postgres, not " + value);
  }
}
