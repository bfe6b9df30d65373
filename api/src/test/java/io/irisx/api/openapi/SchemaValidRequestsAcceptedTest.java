package io.irisx.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests the OpenAPI document calls valid, which the API used to refuse or fail on (each found by
 * Schemathesis): the API accepts them, or refuses them with the problem the document names.
 */
class SchemaValidRequestsAcceptedTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  private String newNumber(String number) {
    ApiClient.Reply created =
        api.post(
            "/v1/phone-numbers",
            tenant.apiKey(),
            "{\"number\":\"" + number + "\",\"flow\":\"hello\"}");
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  @Test
  void anEscapedSurrogatePairInAKeyIsJson() {
    ApiClient.Reply created =
        api.post(
            "/v1/contacts",
            tenant.apiKey(),
            "{\"firstName\":\"Ann\",\"metadata\":{\"\\ud83d\\ude00\":1}}");
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.body().path("metadata").path("\uD83D\uDE00").asInt()).isEqualTo(1);
  }

  @Test
  void textWithUPlus0000IsAValidationProblemNotAServerError() {
    String id = newNumber("+15557000002");
    ApiClient.Reply patched =
        api.patch("/v1/phone-numbers/" + id, tenant.apiKey(), "{\"friendlyName\":\"a\\u0000b\"}");
    assertThat(patched.status()).isEqualTo(422);
    assertThat(patched.contentType()).isEqualTo("application/problem+json");
    assertThat(patched.body().path("detail").asText()).contains("U+0000");
  }

  @Test
  void lengthsCountCharactersAsJsonSchemaDoes() {
    String hundredFaces = "\\ud83d\\ude00".repeat(100);
    ApiClient.Reply created =
        api.post("/v1/api-keys", tenant.apiKey(), "{\"name\":\"" + hundredFaces + "\"}");
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
  }

  @Test
  void aWholeNumberWrittenWithAFractionIsAnInteger() {
    ApiClient.Reply limits =
        api.request(
            "PUT",
            "/v1/admin/tenants/" + tenant.tenantId() + "/limits",
            ApiTestStack.OPERATOR_KEY,
            "{\"maxQueueWaitSeconds\":300.0}");
    assertThat(limits.status()).as(limits.raw().body()).isEqualTo(200);
    assertThat(limits.body().path("maxQueueWaitSeconds").asInt()).isEqualTo(300);
    ApiClient.Reply half =
        api.request(
            "PUT",
            "/v1/admin/tenants/" + tenant.tenantId() + "/limits",
            ApiTestStack.OPERATOR_KEY,
            "{\"maxQueueWaitSeconds\":300.5}");
    assertThat(half.status()).isEqualTo(422);
  }

  @Test
  void anEmptyTimeRangeIsAnEmptyPage() {
    ApiClient.Reply calls =
        api.get(
            "/v1/calls?createdFrom=2026-01-02T00:00:00Z&createdTo=2026-01-01T00:00:00Z",
            tenant.apiKey());
    assertThat(calls.status()).isEqualTo(200);
    assertThat(calls.body().path("data")).isEmpty();
  }

  @Test
  void emptyFiltersAndLimitAreLeftOut() {
    ApiClient.Reply calls = api.get("/v1/calls?status=&limit=&createdFrom=", tenant.apiKey());
    assertThat(calls.status()).isEqualTo(200);
  }

  @Test
  void aWebhookTakesAMergePatch() {
    ApiClient.Reply created =
        api.post("/v1/webhooks", tenant.apiKey(), "{\"url\":\"https://93.184.215.14/hooks\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().path("id").asText();
    ApiClient.Reply patched =
        api.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://127.0.0.1:" + APP.getLocalPort() + "/v1/webhooks/" + id))
                .method(
                    "PATCH",
                    java.net.http.HttpRequest.BodyPublishers.ofString("{\"description\":\"CRM\"}"))
                .header("Authorization", "Bearer " + tenant.apiKey())
                .header("Content-Type", "application/merge-patch+json")
                .build());
    assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
    assertThat(patched.body().path("description").asText()).isEqualTo("CRM");
  }
}
