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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A call's own {@code webhookUrl} meets the address policy of {@code /v1/webhooks}: one it refuses
 * is a 422 naming the field, and no call is made (before, it was accepted and its events silently
 * never delivered).
 */
class CallWebhookUrlRefusedTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://user:secret@93.184.215.14/hooks",
        "https://93.184.215.14/hooks#part",
        "http://93.184.215.14/hooks",
        "https://127.0.0.1/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://10.0.0.8/hooks",
        "https://[::1]/hooks",
        "https://0x7f000001/hooks",
        "https://metadata.google.internal/hooks"
      })
  void aWebhookUrlThePolicyRefusesIsA422NamingTheField(String url) {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();
    int workflowsBefore = STACK.openWorkflowCount();

    ApiClient.Reply reply = api.post("/v1/calls", tenant.apiKey(), "application/json", body(url));

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    assertThat(reply.body().path("errors"))
        .singleElement()
        .satisfies(e -> assertThat(e.path("field").asText()).isEqualTo("webhookUrl"));
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
    assertThat(STACK.openWorkflowCount()).isEqualTo(workflowsBefore);
  }

  @Test
  void aPublicHttpsWebhookUrlIsAccepted() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();

    ApiClient.Reply reply =
        api.post(
            "/v1/calls", tenant.apiKey(), "application/json", body("https://93.184.215.14/hooks"));

    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
  }

  private static String body(String webhookUrl) {
    return "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\",\"webhookUrl\":\""
        + webhookUrl
        + "\"}";
  }
}
