package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeysTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final List<String> KEY_FIELDS =
      List.of("id", "name", "prefix", "scope", "createdAt", "lastUsedAt");

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  @Test
  void aNewKeyIsShownOnceAndListedByItsPrefixOnly() {
    ApiClient.Reply created =
        api.post("/v1/api-keys", tenant.apiKey(), "{\"name\":\"billing job\"}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode key = created.body();
    assertThat(key.properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyElementsOf(concat(KEY_FIELDS, "key"));
    String secret = key.path("key").asText();
    assertThat(secret).startsWith("irx_").hasSizeGreaterThan(40);
    assertThat(key.path("prefix").asText()).isEqualTo(secret.substring(0, 12));
    assertThat(key.path("scope").asText()).isEqualTo("full");
    assertThat(key.path("lastUsedAt").isNull()).isTrue();
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/v1/api-keys/" + key.path("id").asText()));
    assertThat(api.get("/v1/calls", secret).status()).isEqualTo(200);

    ApiClient.Reply listed = api.get("/v1/api-keys", tenant.apiKey());

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().path("data")).hasSize(2);
    for (JsonNode item : listed.body().path("data")) {
      assertThat(item.properties())
          .extracting(Map.Entry::getKey)
          .containsExactlyElementsOf(KEY_FIELDS);
    }
    assertThat(listed.raw().body()).doesNotContain(secret).doesNotContain(tenant.apiKey());
    assertThat(listed.body().path("data").get(0).path("name").asText()).isEqualTo("billing job");
    JsonNode fetched = api.get("/v1/api-keys/" + key.path("id").asText(), tenant.apiKey()).body();
    assertThat(fetched.has("key")).isFalse();
    assertThat(fetched.path("lastUsedAt").asText()).isNotEmpty();
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() {
    JsonNode key = api.post("/v1/api-keys", tenant.apiKey(), "{\"name\":\"temp\"}").body();
    String secret = key.path("key").asText();
    assertThat(api.get("/v1/calls", secret).status()).isEqualTo(200);

    ApiClient.Reply revoked =
        api.delete("/v1/api-keys/" + key.path("id").asText(), tenant.apiKey());

    assertThat(revoked.status()).isEqualTo(204);
    ProblemAssert.assertProblem(api.get("/v1/calls", secret), 401, "unauthorized");
    ProblemAssert.assertProblem(
        api.delete("/v1/api-keys/" + key.path("id").asText(), tenant.apiKey()), 404, "not-found");
    assertThat(api.get("/v1/api-keys", tenant.apiKey()).body().path("data")).hasSize(1);
  }

  @Test
  void aKeyMayRevokeItself() {
    String ownId =
        api.get("/v1/api-keys", tenant.apiKey()).body().path("data").get(0).path("id").asText();

    assertThat(api.delete("/v1/api-keys/" + ownId, tenant.apiKey()).status()).isEqualTo(204);
    ProblemAssert.assertProblem(api.get("/v1/api-keys", tenant.apiKey()), 401, "unauthorized");
  }

  @Test
  void aReadOnlyKeyMayReadButNotWriteAnywhere() {
    String readOnly =
        api.post(
                "/v1/api-keys", tenant.apiKey(), "{\"name\":\"dashboard\",\"scope\":\"read-only\"}")
            .body()
            .path("key")
            .asText();
    String someKeyId =
        api.get("/v1/api-keys", tenant.apiKey()).body().path("data").get(0).path("id").asText();

    assertThat(api.get("/v1/calls", readOnly).status()).isEqualTo(200);
    assertThat(api.get("/v1/api-keys", readOnly).status()).isEqualTo(200);
    assertThat(api.request("HEAD", "/v1/calls", readOnly, null).status()).isEqualTo(200);
    List<ApiClient.Reply> writes =
        List.of(
            api.startCall(readOnly, "+15550100", "+15550111", "hello"),
            api.post("/v1/api-keys", readOnly, "{\"name\":\"escalate\"}"),
            api.delete("/v1/api-keys/" + someKeyId, readOnly),
            api.post(
                "/v1/phone-numbers", readOnly, "{\"number\":\"+15550123\",\"flow\":\"hello\"}"),
            api.patch("/v1/contacts/" + UUID.randomUUID(), readOnly, "{}"));
    for (ApiClient.Reply write : writes) {
      ProblemAssert.assertProblem(write, 403, "insufficient-scope");
    }
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
    assertThat(api.get("/v1/api-keys", tenant.apiKey()).body().path("data")).hasSize(2);
  }

  @Test
  void keysArePagedNewestFirst() {
    for (int i = 0; i < 4; i++) {
      api.post("/v1/api-keys", tenant.apiKey(), "{\"name\":\"k" + i + "\"}");
    }
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get(
                  "/v1/api-keys?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  tenant.apiKey())
              .body();
      page.path("data").forEach(k -> names.add(k.path("name").asText()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
    } while (cursor != null);

    assertThat(names).containsExactly("k3", "k2", "k1", "k0", "default");
    ProblemAssert.assertProblem(
        api.get("/v1/api-keys?limit=0", tenant.apiKey()), 422, "validation-error");
    ProblemAssert.assertProblem(
        api.get("/v1/api-keys?cursor=nope", tenant.apiKey()), 422, "validation-error");
  }

  @Test
  void aKeyNeedsANameAndAKnownScope() {
    ApiClient.Reply reply =
        api.post("/v1/api-keys", tenant.apiKey(), "{\"scope\":\"root\",\"extra\":1}");

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    assertThat(reply.body().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("name", "scope", "extra");
    ProblemAssert.assertProblem(
        api.post("/v1/api-keys", tenant.apiKey(), "[1]"), 422, "validation-error");
    ProblemAssert.assertProblem(
        api.post("/v1/api-keys", tenant.apiKey(), "{"), 400, "malformed-json");
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(more);
    return all;
  }
}
