package io.irisx.temporal.ops;

import com.codahale.metrics.health.HealthCheck;
import org.redisson.api.RedissonClient;

/**
 * Whether Redis answers. Each process says what its Redis is for in {@code whenDown}, the
 * consequence an operator reads in the unhealthy result (the API's rate limits fall back, a
 * worker's node cannot be picked for calls).
 */
public final class RedisHealthCheck extends HealthCheck {
  private final RedissonClient redis;
  private final String whenDown;

  public RedisHealthCheck(RedissonClient redis, String whenDown) {
    this.redis = redis;
    this.whenDown = whenDown;
  }

  @Override
  protected Result check() {
    try {
      redis.getBucket("irisx:health").isExists();
      return Result.healthy();
    } catch (RuntimeException e) {
      return Result.unhealthy(
          "Redis does not answer (" + e.getClass().getSimpleName() + "); " + whenDown);
    }
  }
}
