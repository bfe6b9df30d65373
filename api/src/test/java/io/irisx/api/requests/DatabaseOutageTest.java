package io.irisx.api.requests;

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

/**
 * With PostgreSQL gone, every request (API-key authentication first) is a 503 problem with
 * Retry-After, and a call that is refused so has no workflow.
 */
class DatabaseOutageTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @Test
  void aDatabaseOutageIsA503WithRetryAfterAndStartsNoCall() throws Exception {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());
    assertThat(api.get("/v1/calls", tenant.apiKey()).status()).isEqualTo(200);
    int workflowsBefore = STACK.openWorkflowCount();

    STACK.stopPostgres();
    ApiClient.Reply list = api.get("/v1/calls", tenant.apiKey());
    ApiClient.Reply start = api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello");

    for (ApiClient.Reply reply : java.util.List.of(list, start)) {
      ProblemAssert.assertProblem(reply, 503, "service-unavailable");
      assertThat(reply.header("Retry-After")).contains("5");
      assertThat(reply.body().path("detail").asText()).contains("the database");
    }
    assertThat(STACK.openWorkflowCount()).isEqualTo(workflowsBefore);
  }
}
