package io.irisx.worker.dev;

/** Which Temporal the dev stack runs. */
public enum TemporalMode {
  /** The {@code temporal} CLI dev server when it is on PATH, else the in-process server. */
  AUTO,
  /** The {@code temporal} CLI dev server: durable (SQLite), with the Web UI. */
  CLI,
  /** The Java SDK's in-process test server, bound to a port: no UI, not durable. */
  IN_PROCESS
}
