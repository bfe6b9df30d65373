package io.irisx.worker.health;

import com.codahale.metrics.health.HealthCheck;
import org.redisson.api.RedissonClient;

/** Whether the Redis that holds node presence (call placement) answers. */
public final class RedisHealthCheck extends HealthCheck {
  private final RedissonClient redis;

  public RedisHealthCheck(RedissonClient redis) {
    this.redis = redis;
  }

  @Override
  protected Result check() {
    try {
      redis.getBucket("irisx:health").isExists();
      return Result.healthy();
    } catch (RuntimeException e) {
      return Result.unhealthy(
          "Redis does not answer ("
              + e.getClass().getSimpleName()
              + "); this node cannot be picked for calls");
    }
  }
}
