package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TenantIsolationTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @Test
  void oneTenantCannotSeeAnotherTenantsCall() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant owner = STACK.newTenant();
    ProvisionedTenant other = STACK.newTenant();
    String id =
        api.startCall(owner.apiKey(), "+15550100", "+15550111", "hello").body().path("id").asText();

    ApiClient.Reply fetchedByOther = api.get("/v1/calls/" + id, other.apiKey());
    ApiClient.Reply listedByOther = api.get("/v1/calls", other.apiKey());

    ProblemAssert.assertProblem(fetchedByOther, 404, "not-found");
    assertThat(fetchedByOther.body().toString()).doesNotContain("+15550111");
    assertThat(listedByOther.body().path("data")).isEmpty();
    assertThat(api.get("/v1/calls/" + id, owner.apiKey()).status()).isEqualTo(200);
    assertThat(api.get("/v1/calls", owner.apiKey()).body().path("data")).hasSize(1);
  }
}
