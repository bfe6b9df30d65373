package io.irisx.api.limits;

import io.irisx.api.RateLimitSettings;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The API's Redisson client: connects lazily (the API starts without Redis) and fails fast. */
public final class RedisClients {
  private RedisClients() {}

  public static RedissonClient create(RateLimitSettings settings) {
    Config config = new Config().setLazyInitialization(true);
    var server =
        config
            .useSingleServer()
            .setAddress(settings.getRedisAddress())
            .setTimeout(settings.getRedisTimeoutMillis())
            .setConnectTimeout(Math.max(settings.getRedisTimeoutMillis(), 500))
            .setRetryAttempts(0)
            .setConnectionMinimumIdleSize(1);
    if (!settings.getRedisPassword().isEmpty()) {
      server.setPassword(settings.getRedisPassword());
    }
    return Redisson.create(config);
  }
}
