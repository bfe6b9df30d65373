package io.irisx.temporal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/** The {@code redis} health check: healthy while Redis answers, then unhealthy with its cost. */
class RedisHealthCheckTest {

  @Test
  void unhealthyOnceRedisStopsAndSaysWhatThatCosts() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RedisServer server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .onShutdownForceStop(true)
            .build();
    server.start();
    // Generous timeouts: the check must not read a slow machine as Redis being down.
    Config config = new Config().setLazyInitialization(true);
    config
        .useSingleServer()
        .setAddress("redis://127.0.0.1:" + port)
        .setTimeout(5_000)
        .setConnectTimeout(10_000)
        .setRetryAttempts(0)
        .setConnectionMinimumIdleSize(1);
    RedissonClient redis = Redisson.create(config);
    try {
      RedisHealthCheck check = new RedisHealthCheck(redis, "rate limits fall back");
      assertThat(check.execute().isHealthy()).isTrue();

      server.stop();
      HealthCheck.Result down = check.execute();
      assertThat(down.isHealthy()).isFalse();
      assertThat(down.getMessage())
          .startsWith("Redis does not answer (")
          .endsWith("); rate limits fall back");
    } finally {
      redis.shutdown();
      server.stop();
    }
  }
}
