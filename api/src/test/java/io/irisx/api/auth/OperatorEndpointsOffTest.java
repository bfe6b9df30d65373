package io.irisx.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperatorEndpointsOffTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(ConfigOverride.config("operator.key", ""));

  @Test
  void withoutAnOperatorKeyConfiguredNoCredentialOpensTheAdminEndpoints() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();

    for (String credential :
        java.util.Arrays.asList(null, "", ApiTestStack.OPERATOR_KEY, tenant.apiKey())) {
      ProblemAssert.assertProblem(
          api.post("/v1/admin/tenants", credential, "{\"name\":\"Acme\"}"), 401, "unauthorized");
    }
    assertThat(STACK.count("SELECT count(*) FROM tenants WHERE name = 'Acme'")).isZero();
  }
}
