package io.irisx.api.limits;

import io.irisx.api.RateLimitSettings;
import io.irisx.api.RateLimitSettings.WhenRedisUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an API key may make one more request now. With Redis, one Redisson rate limiter
 * per key ({@code irisx:rate:key:<id>}) shared by every replica; without Redis configured, a token
 * bucket in this process. When Redis fails, the decision for the next {@link #REDIS_RETRY_AFTER}
 * follows {@code whenRedisUnavailable}: the local buckets, or "unavailable" (never "unlimited").
 */
public final class KeyRateLimiter {
  /** What became of a request. */
  public enum Decision {
    ALLOWED,
    LIMITED,
    UNAVAILABLE
  }

  static final Duration REDIS_RETRY_AFTER = Duration.ofSeconds(5);
  private static final Duration WINDOW = Duration.ofSeconds(1);

  /** An idle key's limiter leaves Redis after this long. */
  private static final Duration KEEP_ALIVE = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(KeyRateLimiter.class);

  private final RateLimitSettings settings;
  private final @Nullable RedissonClient redis;
  private final LocalTokenBuckets local;
  private final Clock clock;

  /** When Redis last failed, while it is thought down; empty while it answers. */
  private final AtomicReference<Optional<Instant>> redisDownSince =
      new AtomicReference<>(Optional.empty());

  /** {@code redis} may be null: each replica then limits on its own. */
  public KeyRateLimiter(RateLimitSettings settings, @Nullable RedissonClient redis, Clock clock) {
    this.settings = settings;
    this.redis = redis;
    this.local = new LocalTokenBuckets(settings.getRequestsPerSecond(), clock);
    this.clock = clock;
  }

  public Decision decide(UUID apiKeyId) {
    if (redis == null) {
      return local.tryAcquire(apiKeyId) ? Decision.ALLOWED : Decision.LIMITED;
    }
    Optional<Instant> downSince = redisDownSince();
    if (downSince.isPresent()
        && clock.instant().isBefore(downSince.get().plus(REDIS_RETRY_AFTER))) {
      return fallback(apiKeyId);
    }
    try {
      RRateLimiter limiter = redis.getRateLimiter("irisx:rate:key:" + apiKeyId);
      limiter.trySetRate(RateType.OVERALL, settings.getRequestsPerSecond(), WINDOW, KEEP_ALIVE);
      boolean allowed = limiter.tryAcquire();
      if (redisDownSince.getAndSet(Optional.empty()).isPresent()) {
        log.warn("Redis answers again: API keys are rate-limited across replicas again");
      }
      return allowed ? Decision.ALLOWED : Decision.LIMITED;
    } catch (RuntimeException e) {
      if (redisDownSince.getAndSet(Optional.of(clock.instant())).isEmpty()) {
        log.error(
            "Redis does not answer ({}); rate limits are now {}",
            e.toString(),
            settings.getWhenRedisUnavailable() == WhenRedisUnavailable.LOCAL
                ? "kept by each API replica on its own"
                : "refusing every request with 503");
      }
      return fallback(apiKeyId);
    }
  }

  /** Whether Redis answered the last time it was asked (true without Redis). */
  public Optional<Instant> redisDownSince() {
    return Objects.requireNonNull(redisDownSince.get(), "redisDownSince holds an Optional");
  }

  private Decision fallback(UUID apiKeyId) {
    if (settings.getWhenRedisUnavailable() == WhenRedisUnavailable.REJECT) {
      return Decision.UNAVAILABLE;
    }
    return local.tryAcquire(apiKeyId) ? Decision.ALLOWED : Decision.LIMITED;
  }
}
