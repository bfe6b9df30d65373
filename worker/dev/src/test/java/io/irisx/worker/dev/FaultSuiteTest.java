package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite at a small size (a few calls, seconds of outage; {@code ./irisx faults} runs it
 * at length): PostgreSQL (fsync on), Redis, Temporal and the worker killed with SIGKILL mid-load
 * and restarted, and the ESL link cut. For each: every call answered 201 ends with a CDR that has a
 * cause, each originated once; every webhook published is delivered, in order per call, and none is
 * left pending.
 */
class FaultSuiteTest {

  @Test
  void nothingIsLostStuckOrRepeatedWhateverIsKilled(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path home) throws Exception {
    TemporalCliRequirement.check();
    FaultRun.Options small =
        new FaultRun.Options(
            3, Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofMinutes(3));

    List<FaultCounts> runs =
        new FaultRun(small, System.out).run(home, List.of(FaultRun.Fault.values()));

    FaultCounts.print(runs, System.out);
    assertThat(runs).hasSize(FaultRun.Fault.values().length);
    assertThat(runs)
        .allSatisfy(
            run -> {
              assertThat(run.answered201()).as(run.fault() + ": calls answered 201").isPositive();
              assertThat(run.holds()).as(run.toString()).isTrue();
            });
  }
}
