package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.InboundRoute;
import io.irisx.db.PhoneNumberDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PhoneNumbersTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final List<String> FIELDS =
      List.of("id", "number", "friendlyName", "flow", "params", "status", "createdAt", "updatedAt");

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  /** A number no other test uses. */
  private static String freshNumber() {
    return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
  }

  private static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Optional<InboundRoute> route(String number) {
    return STACK.jdbi().onDemand(PhoneNumberDao.class).findInboundRoute(number);
  }

  @Test
  void aNumberIsAddedWithItsFlowAndRoutesInboundCalls() {
    String number = freshNumber();

    ApiClient.Reply created =
        api.post(
            "/v1/phone-numbers",
            tenant.apiKey(),
            "{\"number\":\""
                + number
                + "\",\"flow\":\"voicemail\",\"params\":{\"greeting\":\"vm/hi.wav\",\"maxSeconds\":2},"
                + "\"friendlyName\":\"Sales line\"}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.body();
    assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactlyElementsOf(FIELDS);
    String id = body.path("id").asText();
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/v1/phone-numbers/" + id));
    assertThat(body.path("number").asText()).isEqualTo(number);
    assertThat(body.path("flow").asText()).isEqualTo("voicemail");
    assertThat(body.path("params"))
        .isEqualTo(json("{\"greeting\":\"vm/hi.wav\",\"maxSeconds\":2}"));
    assertThat(body.path("friendlyName").asText()).isEqualTo("Sales line");
    assertThat(body.path("status").asText()).isEqualTo("active");
    assertThat(api.get("/v1/phone-numbers/" + id, tenant.apiKey()).body()).isEqualTo(body);

    InboundRoute route = route(number).orElseThrow();
    assertThat(route.tenantId()).isEqualTo(tenant.tenantId());
    assertThat(route.flow()).isEqualTo("voicemail");
    assertThat(route.flowParamsJson()).contains("\"greeting\": \"vm/hi.wav\"");
  }

  @Test
  void aNumberBelongsToOneTenantAtATime() {
    String number = freshNumber();
    ProvisionedTenant other = STACK.newTenant();
    String body = "{\"number\":\"" + number + "\",\"flow\":\"hello\"}";
    String id = api.post("/v1/phone-numbers", tenant.apiKey(), body).body().path("id").asText();

    ApiClient.Reply taken = api.post("/v1/phone-numbers", other.apiKey(), body);
    ApiClient.Reply again = api.post("/v1/phone-numbers", tenant.apiKey(), body);

    ProblemAssert.assertProblem(taken, 409, "phone-number-taken");
    ProblemAssert.assertProblem(again, 409, "phone-number-taken");
    assertThat(taken.raw().body()).doesNotContain(tenant.tenantId().toString());

    assertThat(api.delete("/v1/phone-numbers/" + id, tenant.apiKey()).status()).isEqualTo(204);
    ApiClient.Reply reused = api.post("/v1/phone-numbers", other.apiKey(), body);
    assertThat(reused.status()).isEqualTo(201);
    assertThat(route(number).orElseThrow().tenantId()).isEqualTo(other.tenantId());
  }

  @Test
  void aDeletedNumberIsGoneButKeptAsARow() {
    String number = freshNumber();
    String id =
        api.post(
                "/v1/phone-numbers",
                tenant.apiKey(),
                "{\"number\":\"" + number + "\",\"flow\":\"hello\"}")
            .body()
            .path("id")
            .asText();

    assertThat(api.delete("/v1/phone-numbers/" + id, tenant.apiKey()).status()).isEqualTo(204);

    ProblemAssert.assertProblem(
        api.get("/v1/phone-numbers/" + id, tenant.apiKey()), 404, "not-found");
    ProblemAssert.assertProblem(
        api.delete("/v1/phone-numbers/" + id, tenant.apiKey()), 404, "not-found");
    assertThat(api.get("/v1/phone-numbers", tenant.apiKey()).body().path("data")).isEmpty();
    assertThat(route(number)).isEmpty();
    assertThat(
            STACK.count(
                "SELECT count(*) FROM phone_numbers WHERE id = ? AND deleted_at IS NOT NULL",
                UUID.fromString(id)))
        .isEqualTo(1);
  }

  @Test
  void patchingChangesOnlyTheFieldsGiven() {
    String number = freshNumber();
    String id =
        api.post(
                "/v1/phone-numbers",
                tenant.apiKey(),
                "{\"number\":\""
                    + number
                    + "\",\"flow\":\"voicemail\",\"params\":{\"maxSeconds\":1},\"friendlyName\":\"Old\"}")
            .body()
            .path("id")
            .asText();

    ApiClient.Reply renamed =
        api.patch("/v1/phone-numbers/" + id, tenant.apiKey(), "{\"friendlyName\":\"New\"}");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.body().path("friendlyName").asText()).isEqualTo("New");
    assertThat(renamed.body().path("params").toString()).isEqualTo("{\"maxSeconds\":1}");
    assertThat(renamed.body().path("flow").asText()).isEqualTo("voicemail");

    ApiClient.Reply reparam =
        api.patch(
            "/v1/phone-numbers/" + id,
            tenant.apiKey(),
            "{\"params\":{\"silenceSeconds\":0},\"friendlyName\":null}");
    assertThat(reparam.body().path("params").toString()).isEqualTo("{\"silenceSeconds\":0}");
    assertThat(reparam.body().path("friendlyName").isNull()).isTrue();
    assertThat(route(number).orElseThrow().flowParamsJson()).contains("\"silenceSeconds\": 0");
    assertThat(api.get("/v1/phone-numbers/" + id, tenant.apiKey()).body())
        .isEqualTo(reparam.body());
  }

  @Test
  void badInputIsRefusedFieldByField() {
    ApiClient.Reply bad =
        api.post(
            "/v1/phone-numbers",
            tenant.apiKey(),
            "{\"number\":\"5550100\",\"params\":[1],\"friendlyName\":7,\"color\":\"red\"}");

    ProblemAssert.assertProblem(bad, 422, "validation-error");
    assertThat(bad.body().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("number", "flow", "params", "friendlyName", "color");

    ProblemAssert.assertProblem(
        api.post(
            "/v1/phone-numbers",
            tenant.apiKey(),
            "{\"number\":\"" + freshNumber() + "\",\"flow\":\"nope\"}"),
        422,
        "unknown-flow");
    String id =
        api.post(
                "/v1/phone-numbers",
                tenant.apiKey(),
                "{\"number\":\"" + freshNumber() + "\",\"flow\":\"hello\"}")
            .body()
            .path("id")
            .asText();
    ProblemAssert.assertProblem(
        api.patch("/v1/phone-numbers/" + id, tenant.apiKey(), "{\"flow\":\"nope\"}"),
        422,
        "unknown-flow");
    ProblemAssert.assertProblem(
        api.patch("/v1/phone-numbers/" + id, tenant.apiKey(), "{\"flow\":null}"),
        422,
        "validation-error");
    ProblemAssert.assertProblem(
        api.patch("/v1/phone-numbers/" + id, tenant.apiKey(), "{\"number\":\"+15550100\"}"),
        422,
        "validation-error");
    assertThat(
            STACK.count(
                "SELECT count(*) FROM phone_numbers WHERE tenant_id = ?", tenant.tenantId()))
        .isEqualTo(1);
  }

  @Test
  void numbersArePagedNewestFirst() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(
          0,
          api.post(
                  "/v1/phone-numbers",
                  tenant.apiKey(),
                  "{\"number\":\"" + freshNumber() + "\",\"flow\":\"hello\"}")
              .body()
              .path("id")
              .asText());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get(
                  "/v1/phone-numbers?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  tenant.apiKey())
              .body();
      page.path("data").forEach(n -> seen.add(n.path("id").asText()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(made);
  }
}
