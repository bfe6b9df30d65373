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

/** The request rate per API key, one budget in Redis shared by every API replica. */
class RateLimitTest {
  static final int RATE = 5;

  @RegisterExtension
  @Order(0)
  static final TestRedis REDIS = new TestRedis();

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> REPLICA_A = replica();

  @RegisterExtension
  @Order(3)
  static final DropwizardAppExtension<IrisxApiConfiguration> REPLICA_B = replica();

  private static DropwizardAppExtension<IrisxApiConfiguration> replica() {
    return STACK.app(
        ConfigOverride.config("rateLimit.requestsPerSecond", String.valueOf(RATE)),
        ConfigOverride.config("rateLimit.redisAddress", REDIS::address));
  }

  @Test
  void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreUntouched() {
    ApiClient api = new ApiClient(REPLICA_A.getLocalPort());
    ProvisionedTenant busy = STACK.newTenant();
    ProvisionedTenant quiet = STACK.newTenant();

    List<ApiClient.Reply> replies = new ArrayList<>();
    for (int i = 0; i < 4 * RATE; i++) {
      replies.add(api.get("/v1/calls", busy.apiKey()));
    }

    ApiClient.Reply limited =
        replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
    ProblemAssert.assertProblem(limited, 429, "rate-limited");
    assertThat(limited.header("Retry-After")).hasValue("1");
    assertThat(replies.stream().filter(r -> r.status() == 200).count())
        .isGreaterThanOrEqualTo(RATE);
    assertThat(api.get("/v1/calls", quiet.apiKey()).status()).isEqualTo(200);
  }

  @Test
  void theBudgetIsSharedByEveryReplica() {
    ApiClient a = new ApiClient(REPLICA_A.getLocalPort());
    ApiClient b = new ApiClient(REPLICA_B.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();

    long started = System.nanoTime();
    int allowed = 0;
    for (int i = 0; i < 4 * RATE; i++) {
      if ((i % 2 == 0 ? a : b).get("/v1/calls", tenant.apiKey()).status() == 200) {
        allowed++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    // One budget: the burst plus what refilled meanwhile, not a burst per replica.
    assertThat(allowed).isLessThanOrEqualTo(RATE + (int) Math.ceil(seconds * RATE) + 1);
    assertThat(allowed).isGreaterThanOrEqualTo(RATE);
  }

  @Test
  void theRedisHealthCheckIsHealthy() {
    assertThat(REPLICA_A.getEnvironment().healthChecks().runHealthCheck("redis").isHealthy())
        .isTrue();
  }
}
