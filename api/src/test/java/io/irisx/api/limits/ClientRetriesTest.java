package io.irisx.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.client.ApiResponse;
import io.irisx.client.IrisxClient;
import io.irisx.client.RateLimitException;
import io.irisx.client.model.Call;
import io.irisx.client.params.StartCallParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK retries what may succeed unchanged (here the API's own 429 with Retry-After, a key over
 * its request rate) with the Idempotency-Key it set itself, and makes one call, not two.
 */
class ClientRetriesTest {
  static final int RATE = 1;

  @RegisterExtension
  @Order(0)
  static final TestRedis REDIS = new TestRedis();

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(
          ConfigOverride.config("rateLimit.requestsPerSecond", String.valueOf(RATE)),
          ConfigOverride.config("rateLimit.redisAddress", REDIS::address));

  private ProvisionedTenant tenant;
  private IrisxClient irisx;

  @BeforeEach
  void setUp() {
    tenant = STACK.newTenant();
    irisx =
        IrisxClient.builder()
            .baseUrl("http://127.0.0.1:" + APP.getLocalPort())
            .apiKey(tenant.apiKey())
            .maxRetries(5)
            .build();
  }

  /**
   * Requests until the key is over its rate (a 429), so the next request within a second is too.
   */
  private void spendTheKeysRate() {
    ApiClient raw = new ApiClient(APP.getLocalPort());
    for (int i = 0; i < 100; i++) {
      if (raw.get("/v1/calls", tenant.apiKey()).status() == 429) {
        return;
      }
    }
    throw new AssertionError("the key never went over its rate");
  }

  private static StartCallParams hello() {
    return StartCallParams.builder().from("+15550100").to("+15550111").flow("hello").build();
  }

  @Test
  void aRateLimitedStartIsRetriedWithItsKeyAndMakesOneCall() {
    spendTheKeysRate();

    ApiResponse<Call> started = irisx.calls().startWithResponse(hello());

    assertThat(started.status()).isEqualTo(201);
    assertThat(started.attempts()).isGreaterThan(1);
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
    // The key it sent finds the same call: the attempts were one request.
    ApiResponse<Call> replayed =
        irisx
            .withOptions(o -> o.idempotencyKey(started.idempotencyKey()))
            .calls()
            .startWithResponse(hello());
    assertThat(replayed.body().id()).isEqualTo(started.body().id());
    assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void withoutRetriesTheRateLimitIsAnExceptionWithRetryAfter() {
    IrisxClient once = irisx.withOptions(o -> o.maxRetries(0));
    RateLimitException limited = null;
    for (int i = 0; i < 100 && limited == null; i++) {
      try {
        once.calls().list();
      } catch (RateLimitException e) {
        limited = e;
      }
    }
    assertThat(limited).as("a 429 within 100 requests at %d per second", RATE).isNotNull();
    assertThat(limited.retryAfter()).isPresent();
    assertThat(limited.problem().type()).isEqualTo("https://irisx.io/problems/rate-limited");
  }
}
