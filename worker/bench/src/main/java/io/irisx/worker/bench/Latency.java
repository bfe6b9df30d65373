package io.irisx.worker.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * A latency distribution, in milliseconds; p50 and p99 by nearest rank; null figures when empty.
 */
public record Latency(int count, Double p50Ms, Double p99Ms, Double maxMs) {
  static final Latency NONE = new Latency(0, null, null, null);

  /** From samples in microseconds. */
  static Latency ofMicros(Collection<Long> micros) {
    if (micros.isEmpty()) {
      return NONE;
    }
    long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Latency(
        sorted.length,
        millis(rank(sorted, 0.50)),
        millis(rank(sorted, 0.99)),
        millis(sorted[sorted.length - 1]));
  }

  private static long rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double millis(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }

  /** "p50 / p99" for the table. */
  String cell() {
    return count == 0 ? "n/a" : p50Ms + " / " + p99Ms;
  }

  @Override
  public String toString() {
    return Arrays.toString(new Object[] {count, p50Ms, p99Ms, maxMs});
  }
}
