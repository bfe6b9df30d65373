package io.irisx.worker.dev;

/** Which Temporal the dev stack runs. */
public enum TemporalMode {
  /**
   * The {@code temporal} CLI dev server, installed first if need be (see {@link TemporalCli}); the
   * in-process server only when the CLI cannot be installed.
   */
  AUTO,
  /** The {@code temporal} CLI dev server (durable in SQLite, with the Web UI), or fail. */
  CLI,
  /** The Java SDK's test server in this JVM, on 127.0.0.1: no UI, not durable, no schedules. */
  IN_PROCESS
}
