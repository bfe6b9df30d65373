package io.irisx.api.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.CliTemporalServer;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.CallRow;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start the Temporal server refuses is told apart from a server that does not answer: against the
 * real server (the temporal CLI's dev server) with a blob size limit of 1 KiB, a call whose params
 * are within the API's own limit but over the server's is {@code 422 call-start-refused} (a retry
 * cannot succeed) and marked failed, with no Retry-After; a small call on the same server starts.
 */
class TemporalRefusalTest {
  private static final int BLOB_LIMIT_BYTES = 1024;

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final CliTemporalServer TEMPORAL =
      new CliTemporalServer(
          "limit.blobSize.error=" + BLOB_LIMIT_BYTES,
          "limit.blobSize.warn=" + BLOB_LIMIT_BYTES / 2);

  @RegisterExtension
  @Order(3)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.appWith("test-api.yml", TEMPORAL::target);

  @Test
  void aStartOverTheServersBlobLimitIsRefusedAndFailedNotUnavailable() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());
    String speech = "say:" + "Your appointment is tomorrow at nine. ".repeat(25).strip();
    String params =
        "{\"message\":\""
            + speech
            + "\",\"menu\":\""
            + speech
            + "\",\"thanks\":\""
            + speech
            + "\"}";
    assertThat(params.length()).isGreaterThan(2 * BLOB_LIMIT_BYTES);

    ApiClient.Reply refused =
        api.post(
            "/v1/calls",
            tenant.apiKey(),
            "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"reminder\",\"params\":"
                + params
                + "}");

    ProblemAssert.assertProblem(refused, 422, "call-start-refused");
    assertThat(refused.body().path("detail").asText()).containsIgnoringCase("blob");
    assertThat(refused.header("Retry-After")).isEmpty();
    List<CallRow> rows = STACK.calls().listNewestFirst(tenant.tenantId(), null, null, 10);
    assertThat(rows).singleElement().satisfies(row -> assertThat(row.status()).isEqualTo("failed"));

    ApiClient.Reply small = api.startCall(tenant.apiKey(), "+15550100", "+15550112", "hello");
    assertThat(small.status()).as(small.raw().body()).isEqualTo(201);
  }
}
