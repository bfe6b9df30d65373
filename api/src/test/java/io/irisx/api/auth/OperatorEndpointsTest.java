package io.irisx.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperatorEndpointsTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final String OPERATOR = ApiTestStack.OPERATOR_KEY;

  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
  }

  private static ApiClient fresh() {
    return new ApiClient(APP.getLocalPort());
  }

  private static void assertOperatorUnauthorized(ApiClient.Reply reply) {
    ProblemAssert.assertProblem(reply, 401, "unauthorized");
    assertThat(reply.header("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer realm=\"irisx-operator\""));
  }

  @Test
  void theOperatorMakesATenantAndAKeyThatOpensTheApi() {
    ApiClient.Reply tenant = api.post("/v1/admin/tenants", OPERATOR, "{\"name\":\"Acme\"}");

    assertThat(tenant.status()).isEqualTo(201);
    JsonNode body = tenant.body();
    assertThat(body.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("id", "name", "status", "createdAt", "recordingRetentionDays");
    assertThat(body.path("recordingRetentionDays").isNull()).as("kept until deleted").isTrue();
    String tenantId = body.path("id").asText();
    assertThat(UUID.fromString(tenantId).toString()).isEqualTo(tenantId);
    assertThat(body.path("name").asText()).isEqualTo("Acme");
    assertThat(body.path("status").asText()).isEqualTo("active");
    assertThat(tenant.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/v1/admin/tenants/" + tenantId));
    assertThat(api.get("/v1/admin/tenants/" + tenantId, OPERATOR).body()).isEqualTo(body);

    ApiClient.Reply key =
        api.post("/v1/admin/tenants/" + tenantId + "/api-keys", OPERATOR, "{\"name\":\"ci\"}");

    assertThat(key.status()).isEqualTo(201);
    String apiKey = key.body().path("key").asText();
    assertThat(apiKey).startsWith("irx_");
    assertThat(key.body().path("prefix").asText()).isEqualTo(apiKey.substring(0, 12));
    assertThat(key.body().path("scope").asText()).isEqualTo("full");
    assertThat(key.body().path("name").asText()).isEqualTo("ci");
    assertThat(api.get("/v1/calls", apiKey).status()).isEqualTo(200);
    assertThat(
            STACK.count(
                "SELECT count(*) FROM api_keys WHERE key_prefix = ? AND tenant_id = ?",
                apiKey.substring(0, 12),
                UUID.fromString(tenantId)))
        .isEqualTo(1);
  }

  @Test
  void theOperatorMayMakeAReadOnlyKey() {
    String tenantId =
        api.post("/v1/admin/tenants", OPERATOR, "{\"name\":\"Acme\"}").body().path("id").asText();

    ApiClient.Reply key =
        api.post(
            "/v1/admin/tenants/" + tenantId + "/api-keys",
            OPERATOR,
            "{\"name\":\"dashboard\",\"scope\":\"read-only\"}");

    assertThat(key.status()).isEqualTo(201);
    assertThat(key.body().path("scope").asText()).isEqualTo("read-only");
    String apiKey = key.body().path("key").asText();
    assertThat(api.get("/v1/calls", apiKey).status()).isEqualTo(200);
    ProblemAssert.assertProblem(
        api.startCall(apiKey, "+15550100", "+15550111", "hello"), 403, "insufficient-scope");
  }

  @Test
  void theAdminEndpointsRefuseEveryOtherCredential() {
    ProvisionedTenant tenant = STACK.newTenant();
    String path = "/v1/admin/tenants/" + tenant.tenantId() + "/api-keys";
    String body = "{\"name\":\"stolen\"}";

    for (String credential :
        java.util.Arrays.asList(null, tenant.apiKey(), OPERATOR + "x", OPERATOR.substring(1), "")) {
      // A fresh client each time: a refused request's unread body may end the server's connection.
      assertOperatorUnauthorized(
          fresh().post("/v1/admin/tenants", credential, "{\"name\":\"Evil\"}"));
      assertOperatorUnauthorized(fresh().post(path, credential, body));
      assertOperatorUnauthorized(fresh().get("/v1/admin/tenants/" + tenant.tenantId(), credential));
    }
    assertThat(STACK.count("SELECT count(*) FROM api_keys WHERE tenant_id = ?", tenant.tenantId()))
        .isEqualTo(1);
  }

  @Test
  void theOperatorKeyOpensNoTenantRoute() {
    ProvisionedTenant tenant = STACK.newTenant();

    for (String path : List.of("/v1/calls", "/v1/api-keys", "/v1/phone-numbers", "/v1/contacts")) {
      ProblemAssert.assertProblem(api.get(path, OPERATOR), 401, "unauthorized");
    }
    assertThat(api.get("/v1/calls", tenant.apiKey()).status()).isEqualTo(200);
  }

  @Test
  void theOperatorSetsAndClearsATenantsRecordingRetention() {
    String tenantId =
        api.post("/v1/admin/tenants", OPERATOR, "{\"name\":\"Acme\"}").body().path("id").asText();
    String path = "/v1/admin/tenants/" + tenantId;

    ApiClient.Reply set = api.patch(path, OPERATOR, "{\"recordingRetentionDays\":30}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.body().path("recordingRetentionDays").asInt()).isEqualTo(30);
    assertThat(api.get(path, OPERATOR).body().path("recordingRetentionDays").asInt()).isEqualTo(30);
    assertThat(
            STACK.count(
                "SELECT count(*) FROM tenants WHERE id = ? AND recording_retention_days = 30",
                UUID.fromString(tenantId)))
        .isEqualTo(1);

    assertThat(api.patch(path, OPERATOR, "{}").body().path("recordingRetentionDays").asInt())
        .as("absent: unchanged")
        .isEqualTo(30);
    ApiClient.Reply cleared = api.patch(path, OPERATOR, "{\"recordingRetentionDays\":null}");
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.body().path("recordingRetentionDays").isNull()).isTrue();
  }

  @Test
  void aRetentionOutsideOneDayToAHundredYearsOrNotWholeIsRefused() {
    String tenantId =
        api.post("/v1/admin/tenants", OPERATOR, "{\"name\":\"Acme\"}").body().path("id").asText();
    String path = "/v1/admin/tenants/" + tenantId;
    api.patch(path, OPERATOR, "{\"recordingRetentionDays\":7}");

    for (String bad : List.of("0", "-1", "36501", "7.5", "\"7\"", "true", "9999999999")) {
      ApiClient.Reply refused =
          fresh().patch(path, OPERATOR, "{\"recordingRetentionDays\":" + bad + "}");
      ProblemAssert.assertProblem(refused, 422, "validation-error");
      assertThat(refused.body().path("errors").get(0).path("field").asText())
          .isEqualTo("recordingRetentionDays");
    }
    ApiClient.Reply unknown = fresh().patch(path, OPERATOR, "{\"name\":\"Other\"}");
    ProblemAssert.assertProblem(unknown, 422, "validation-error");
    ProblemAssert.assertProblem(
        fresh()
            .patch(
                "/v1/admin/tenants/" + UUID.randomUUID(),
                OPERATOR,
                "{\"recordingRetentionDays\":7}"),
        404,
        "not-found");
    ProblemAssert.assertProblem(
        fresh().patch(path, STACK.newTenant().apiKey(), "{\"recordingRetentionDays\":1}"),
        401,
        "unauthorized");
    assertThat(api.get(path, OPERATOR).body().path("recordingRetentionDays").asInt()).isEqualTo(7);
  }

  @Test
  void anUnknownTenantIsNotFoundAndABadBodyIsAValidationError() {
    ProblemAssert.assertProblem(
        api.post(
            "/v1/admin/tenants/" + UUID.randomUUID() + "/api-keys", OPERATOR, "{\"name\":\"x\"}"),
        404,
        "not-found");
    ProblemAssert.assertProblem(api.get("/v1/admin/tenants/not-an-id", OPERATOR), 404, "not-found");

    ApiClient.Reply noName = api.post("/v1/admin/tenants", OPERATOR, "{\"nmae\":\"Acme\"}");
    ProblemAssert.assertProblem(noName, 422, "validation-error");
    assertThat(noName.body().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("name", "nmae");

    String tenantId =
        api.post("/v1/admin/tenants", OPERATOR, "{\"name\":\"Acme\"}").body().path("id").asText();
    ApiClient.Reply badScope =
        api.post(
            "/v1/admin/tenants/" + tenantId + "/api-keys",
            OPERATOR,
            "{\"name\":\"k\",\"scope\":\"admin\"}");
    ProblemAssert.assertProblem(badScope, 422, "validation-error");
    assertThat(badScope.body().path("errors").get(0).path("field").asText()).isEqualTo("scope");
  }

  @Test
  void theOperatorsPostsHonourIdempotencyKeys() {
    String key = UUID.randomUUID().toString();

    ApiClient.Reply first =
        api.request(
            "POST", "/v1/admin/tenants", OPERATOR, "{\"name\":\"Once\"}", "Idempotency-Key", key);
    ApiClient.Reply again =
        api.request(
            "POST", "/v1/admin/tenants", OPERATOR, "{\"name\":\"Once\"}", "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(STACK.count("SELECT count(*) FROM tenants WHERE name = 'Once'")).isEqualTo(1);
  }
}
