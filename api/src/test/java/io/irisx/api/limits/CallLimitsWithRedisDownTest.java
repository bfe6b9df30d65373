package io.irisx.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped while the API runs: no outbound call is made without its limits being checked; the
 * API answers 503 with Retry-After (the key rate limit falls back to local buckets, so the refusal
 * comes from the call limits themselves).
 */
class CallLimitsWithRedisDownTest {
  @RegisterExtension
  @Order(0)
  static final TestRedis REDIS = new TestRedis();

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(ConfigOverride.config("rateLimit.redisAddress", REDIS::address));

  @Test
  void withRedisStoppedPostCallsAnswers503WithRetryAfterAndMakesNoCall() throws Exception {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();
    assertThat(api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello").status())
        .isEqualTo(201);

    REDIS.stop();
    ApiClient.Reply reply = api.startCall(tenant.apiKey(), "+15550100", "+15550112", "hello");

    ProblemAssert.assertProblem(reply, 503, "call-admission-unavailable");
    assertThat(reply.header("Retry-After")).hasValue("5");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
    // Reads do not need Redis's call limits.
    assertThat(api.get("/v1/calls", tenant.apiKey()).status()).isEqualTo(200);
  }
}
