package io.irisx.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  static final int RATE = 2;

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(
          ConfigOverride.config("rateLimit.requestsPerSecond", String.valueOf(RATE)),
          ConfigOverride.config("rateLimit.redisAddress", deadRedis()),
          ConfigOverride.config("rateLimit.whenRedisUnavailable", "local"));

  /** A Redis address nobody listens on: the API limits each key locally. */
  private static String deadRedis() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return "redis://127.0.0.1:" + socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

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

  private void spendTheKeysRate() {
    ApiClient raw = new ApiClient(APP.getLocalPort());
    for (int i = 0; i < 4 * RATE; i++) {
      raw.get("/v1/calls", tenant.apiKey());
    }
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
    spendTheKeysRate();
    assertThatThrownBy(() -> irisx.withOptions(o -> o.maxRetries(0)).calls().list())
        .isInstanceOfSatisfying(
            RateLimitException.class, e -> assertThat(e.retryAfter()).isPresent());
  }
}
