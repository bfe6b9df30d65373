package io.irisx.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request without a key guesses nothing: it is always the 401 that says a key is needed, and it
 * never counts towards the throttle of refused keys (RFC 9110: the answer to missing credentials).
 */
class MissingKeyIsNotAGuessTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @Test
  void requestsWithoutAKeyAre401AndNeverLockOutTheAddress() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();
    for (int i = 0; i < 2 * FailedAuthenticationThrottle.MAX_FAILURES; i++) {
      assertThat(api.get("/v1/calls", null).status()).isEqualTo(401);
    }
    assertThat(api.get("/v1/calls", tenant.apiKey()).status()).isEqualTo(200);

    // Then the address guesses: it is throttled, and still told a key is missing when it sends
    // none.
    for (int i = 0; i <= FailedAuthenticationThrottle.MAX_FAILURES; i++) {
      api.get("/v1/calls", "irx_live_wrong" + "z".repeat(30) + i);
    }
    assertThat(api.get("/v1/calls", "irx_live_wrong" + "z".repeat(31)).status()).isEqualTo(429);
    assertThat(api.get("/v1/calls", null).status()).isEqualTo(401);
  }
}
