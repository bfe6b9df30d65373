package io.irisx.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis unreachable: the API starts, says so in its health check, and is never unlimited. */
class RateLimitWithoutRedisTest {
  static final int RATE = 5;
  static final String DEAD_REDIS = TestRedis.unused();

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> LOCAL_FALLBACK =
      STACK.app(
          ConfigOverride.config("rateLimit.requestsPerSecond", String.valueOf(RATE)),
          ConfigOverride.config("rateLimit.redisAddress", DEAD_REDIS),
          ConfigOverride.config("rateLimit.whenRedisUnavailable", "local"));

  @RegisterExtension
  @Order(3)
  static final DropwizardAppExtension<IrisxApiConfiguration> REJECTING =
      STACK.app(
          ConfigOverride.config("rateLimit.requestsPerSecond", String.valueOf(RATE)),
          ConfigOverride.config("rateLimit.redisAddress", DEAD_REDIS),
          ConfigOverride.config("rateLimit.whenRedisUnavailable", "reject"));

  @Test
  void withTheLocalFallbackEachReplicaStillLimitsEveryKey() {
    ApiClient api = new ApiClient(LOCAL_FALLBACK.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4 * RATE; i++) {
      statuses.add(api.get("/v1/calls", tenant.apiKey()).status());
    }

    assertThat(statuses).contains(200, 429).containsOnly(200, 429);
    ProblemAssert.assertProblem(api.get("/v1/calls", tenant.apiKey()), 429, "rate-limited");
    assertThat(LOCAL_FALLBACK.getEnvironment().healthChecks().runHealthCheck("redis").isHealthy())
        .isFalse();
  }

  @Test
  void withRejectEveryTenantRequestIsRefusedWith503() {
    ApiClient api = new ApiClient(REJECTING.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();

    ApiClient.Reply reply = api.get("/v1/calls", tenant.apiKey());

    ProblemAssert.assertProblem(reply, 503, "rate-limiter-unavailable");
    assertThat(reply.header("Retry-After")).isPresent();
    ProblemAssert.assertProblem(
        api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello"),
        503,
        "rate-limiter-unavailable");
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
  }
}
