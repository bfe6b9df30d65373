package io.irisx.api.limits;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per API key in this process: {@code rate} tokens a second, at most {@code rate}
 * in the bucket. What a replica uses without Redis, or while Redis does not answer.
 */
final class LocalTokenBuckets {
  /** Beyond this many keys the idle buckets are dropped (a full bucket is the same as none). */
  private static final int MAX_BUCKETS = 100_000;

  private final int rate;
  private final Clock clock;
  private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(double tokens, long updatedNanos) {
      this.tokens = tokens;
      this.updatedNanos = updatedNanos;
    }
  }

  LocalTokenBuckets(int rate, Clock clock) {
    this.rate = rate;
    this.clock = clock;
  }

  boolean tryAcquire(UUID key) {
    long now = nanos();
    if (buckets.size() > MAX_BUCKETS) {
      buckets.values().removeIf(b -> refilled(b, now) >= rate);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(rate, now));
    synchronized (bucket) {
      bucket.tokens = refilled(bucket, now);
      bucket.updatedNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  private double refilled(Bucket bucket, long now) {
    double elapsedSeconds = Math.max(0, now - bucket.updatedNanos) / 1e9;
    return Math.min(rate, bucket.tokens + elapsedSeconds * rate);
  }

  private long nanos() {
    java.time.Instant instant = clock.instant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
