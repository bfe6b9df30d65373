package io.irisx.worker.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One bench run: the scenario, its pace and size, and where it runs.
 *
 * @param cps calls started per second; 0 means as fast as {@code concurrency} requests in flight
 *     allow
 * @param calls how many calls; by default {@code cps * duration}
 * @param hold for the hold scenario, how long the calls stay up together before they are hung up
 * @param drain how long to wait, after the last call was started, for its CDR and webhooks
 * @param baseline whether to run the no-op baseline after the scenario
 * @param warmup calls run and finished before the measured ones, which are not measured
 */
public record BenchOptions(
    Scenario scenario,
    int cps,
    int calls,
    int concurrency,
    Duration hold,
    Duration drain,
    boolean baseline,
    BenchBackend backend,
    String temporalTarget,
    int promptMillis,
    boolean reuse,
    Path outputDir,
    int warmup) {

  static final int DEFAULT_PROMPT_MILLIS = 1000;

  /** Warm-up calls unless told otherwise (none for hold: its calls would hold too). */
  static final int DEFAULT_WARMUP = 20;

  /** Hold calls play one long prompt; the bench hangs them up long before it ends. */
  static final int HOLD_PROMPT_MILLIS = 3_600_000;

  public BenchOptions {
    if (cps < 0 || calls < 1 || concurrency < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "need cps >= 0, calls >= 1, concurrency >= 1, warmup >= 0");
    }
  }

  /** The prompt length the stack should have for this scenario. */
  int stackPromptMillis() {
    return scenario == Scenario.HOLD ? Math.max(promptMillis, HOLD_PROMPT_MILLIS) : promptMillis;
  }
}
