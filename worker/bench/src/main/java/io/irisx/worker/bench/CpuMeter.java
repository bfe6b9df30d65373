package io.irisx.worker.bench;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/**
 * The processes of a bench stack whose CPU time a run charges to its calls: the stack's JVM (the
 * API, the worker and the simulated switch; the in-process Temporal server too when that is the
 * backend), IRISX's PostgreSQL, and the Temporal server with its database when it runs on this
 * machine (the CLI dev server, or the PostgreSQL-backed server and its PostgreSQL). Found once, by
 * the ports they listen on; read from /proc.
 */
final class CpuMeter {
  /** Where temporal-postgres.sh runs Temporal's PostgreSQL unless told otherwise. */
  private static final int TEMPORAL_DB_DEFAULT_PORT = 15433;

  private final long stackPid;
  private final OptionalLong irisxDatabasePid;
  private final List<Long> temporalPids;

  private CpuMeter(long stackPid, OptionalLong irisxDatabasePid, List<Long> temporalPids) {
    this.stackPid = stackPid;
    this.irisxDatabasePid = irisxDatabasePid;
    this.temporalPids = temporalPids;
  }

  /** The meter of this stack, or null when this machine has no /proc. */
  static CpuMeter of(BenchStackInfo stack) {
    if (!ProcessCpu.available() || ProcessCpu.ownTicks(stack.pid()).isEmpty()) {
      return null;
    }
    OptionalLong database = ProcessCpu.listening(jdbcPort(stack.databaseUrl()));
    List<Long> temporal = List.of();
    BenchBackend backend = BenchBackend.parse(stack.backend());
    if (backend != BenchBackend.IN_PROCESS) {
      OptionalLong server = ProcessCpu.listening(port(stack.temporalTarget()));
      OptionalLong store =
          backend == BenchBackend.POSTGRES
              ? ProcessCpu.listening(temporalDatabasePort())
              : OptionalLong.empty();
      // A server elsewhere (not listening here) is not measured rather than measured as zero.
      if (server.isPresent() && server.getAsLong() != stack.pid()) {
        temporal =
            store.isPresent()
                ? List.of(server.getAsLong(), store.getAsLong())
                : List.of(server.getAsLong());
      }
    }
    return new CpuMeter(stack.pid(), database, temporal);
  }

  /** Clock ticks so far; null parts for what is not measured. */
  record Reading(long stackJvm, Long irisxDatabase, Long temporal) {}

  Reading read() {
    long stack = ProcessCpu.ownTicks(stackPid).orElse(0);
    Long database =
        irisxDatabasePid.isPresent()
            ? ProcessCpu.treeTicks(irisxDatabasePid.getAsLong()).orElse(0)
            : null;
    Long temporal = null;
    if (!temporalPids.isEmpty()) {
      long sum = 0;
      for (long pid : temporalPids) {
        sum += ProcessCpu.treeTicks(pid).orElse(0);
      }
      temporal = sum;
    }
    return new Reading(stack, database, temporal);
  }

  /** CPU-seconds per call between two readings; null parts for what is not measured. */
  static BenchResult.CpuPerCall perCall(Reading before, Reading after, int calls) {
    return new BenchResult.CpuPerCall(
        perCall(before.stackJvm(), after.stackJvm(), calls),
        before.irisxDatabase() == null
            ? null
            : perCall(before.irisxDatabase(), after.irisxDatabase(), calls),
        before.temporal() == null ? null : perCall(before.temporal(), after.temporal(), calls));
  }

  boolean temporalMeasured() {
    return !temporalPids.isEmpty();
  }

  private static Double perCall(Long before, Long after, int calls) {
    if (calls == 0 || before == null || after == null) {
      return null;
    }
    double seconds = (after - before) / ProcessCpu.TICKS_PER_SECOND;
    return Math.round(seconds / calls * 10_000) / 10_000.0;
  }

  private static int temporalDatabasePort() {
    String configured = System.getenv("IRISX_TEMPORAL_PG_DB_PORT");
    return configured == null || configured.isBlank()
        ? TEMPORAL_DB_DEFAULT_PORT
        : Integer.parseInt(configured.trim());
  }

  private static int jdbcPort(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return uri.getPort() < 0 ? 5432 : uri.getPort();
  }

  private static int port(String target) {
    return Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
  }
}
