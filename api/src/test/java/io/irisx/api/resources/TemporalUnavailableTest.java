package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.CallRow;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemporalUnavailableTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @Test
  void aCallThatCannotBeStartedIs503AndMarkedFailed() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();
    STACK.stopTemporal();

    long startedAt = System.nanoTime();
    ApiClient.Reply reply = api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello");
    long waitedMillis = (System.nanoTime() - startedAt) / 1_000_000;

    ProblemAssert.assertProblem(reply, 503, "temporal-unavailable");
    // calls.startTimeoutSeconds is 2 in test-api.yml: the client is not kept waiting for long.
    assertThat(waitedMillis).isLessThan(10_000);
    List<CallRow> rows = STACK.calls().listNewestFirst(tenant.tenantId(), null, null, 10);
    assertThat(rows).singleElement().satisfies(row -> assertThat(row.status()).isEqualTo("failed"));
    ApiClient.Reply fetched = api.get("/v1/calls/" + rows.get(0).id(), tenant.apiKey());
    assertThat(fetched.body().path("status").asText()).isEqualTo("failed");
  }
}
