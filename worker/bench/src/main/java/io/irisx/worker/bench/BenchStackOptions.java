package io.irisx.worker.bench;

import java.nio.file.Path;

/**
 * How to start the stack a bench drives: where its data goes, which Temporal, and how long the
 * simulated switch takes to play a prompt (the length of hello and ivr calls; hold needs long
 * ones).
 *
 * @param temporalTarget the running server for {@link BenchBackend#POSTGRES}; ignored otherwise
 */
public record BenchStackOptions(
    Path home, BenchBackend backend, String temporalTarget, int promptMillis) {
  public BenchStackOptions {
    if (promptMillis < 1) {
      throw new IllegalArgumentException("promptMillis must be positive");
    }
    if (backend == BenchBackend.POSTGRES && temporalTarget == null) {
      temporalTarget = BenchBackend.POSTGRES_DEFAULT_TARGET;
    }
  }
}
