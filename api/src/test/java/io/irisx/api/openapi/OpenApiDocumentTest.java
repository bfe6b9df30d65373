package io.irisx.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document covers every route Jersey has registered, documents each one, refers only to
 * schemas it defines, and says what the API really answers.
 */
class OpenApiDocumentTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ApiClient api;
  private JsonNode doc;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    ApiClient.Reply reply = api.get("/v1/openapi.json", null);
    assertThat(reply.status()).isEqualTo(200);
    doc = reply.body();
  }

  private List<ApiRoute> routes() {
    return ApiRoutes.of(APP.getEnvironment().jersey().getResourceConfig()).stream()
        .filter(r -> !r.httpMethod().equals("HEAD") && !r.httpMethod().equals("OPTIONS"))
        .toList();
  }

  @Test
  void everyRegisteredRouteIsInTheDocumentAndDocumented() {
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    List<String> missing = new ArrayList<>();
    List<String> undocumented = new ArrayList<>();
    for (ApiRoute route : routes()) {
      JsonNode operation =
          doc.path("paths").path(route.path()).path(route.httpMethod().toLowerCase(Locale.ROOT));
      if (operation.isMissingNode()) {
        missing.add(route.toString());
      } else if (operation.path(OpenApiDocument.UNDOCUMENTED).asBoolean(false)
          || operation.path("summary").asText().isBlank()
          || operation.path("responses").properties().stream()
              .noneMatch(e -> e.getKey().startsWith("2"))) {
        undocumented.add(route.toString());
      }
    }
    assertThat(missing).as("routes missing from /v1/openapi.json").isEmpty();
    assertThat(undocumented)
        .as("routes without an entry in irisx/openapi/operations.json")
        .isEmpty();
    assertThat(routes())
        .extracting(ApiRoute::toString)
        .contains(
            "POST /v1/calls", "GET /v1/phone-numbers/{id}", "POST /v1/admin/tenants/{id}/api-keys");
  }

  @Test
  void theCatalogueDocumentsNoRouteThatDoesNotExist() {
    Set<String> registered = new HashSet<>(routes().stream().map(ApiRoute::toString).toList());

    assertThat(OpenApiDocument.catalogue().path("operations").properties())
        .allSatisfy(
            entry -> assertThat(registered).as("documented route").contains(entry.getKey()));
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(
              doc.path("components")
                  .path("schemas")
                  .has(ref.substring("#/components/schemas/".length())))
          .as(ref)
          .isTrue();
    }
  }

  @Test
  void responsesHaveTheDocumentedShape() {
    ProvisionedTenant tenant = STACK.newTenant();
    String key = tenant.apiKey();

    assertShape("Call", api.startCall(key, "+15550100", "+15550111", "hello").body());
    assertShape("ApiKey", api.post("/v1/api-keys", key, "{\"name\":\"n\"}").body());
    assertShape("ApiKey", api.get("/v1/api-keys", key).body().path("data").get(0));
    assertShape(
        "PhoneNumber",
        api.post(
                "/v1/phone-numbers",
                key,
                "{\"number\":\"+1555"
                    + (1_000_000 + (int) (Math.random() * 8_999_999))
                    + "\",\"flow\":\"hello\"}")
            .body());
    assertShape("Contact", api.post("/v1/contacts", key, "{\"firstName\":\"A\"}").body());
    assertShape(
        "Tenant",
        api.post("/v1/admin/tenants", ApiTestStack.OPERATOR_KEY, "{\"name\":\"T\"}").body());
    assertShape("Problem", api.get("/v1/contacts/" + UUID.randomUUID(), key).body());
    assertShape("Problem", api.post("/v1/contacts", key, "{\"x\":1}").body());
    for (String list : List.of("/v1/calls", "/v1/api-keys", "/v1/phone-numbers", "/v1/contacts")) {
      JsonNode page = api.get(list, key).body();
      assertThat(page.properties())
          .extracting(e -> e.getKey())
          .containsExactly("data", "nextCursor");
    }
  }

  private void assertShape(String schemaName, JsonNode body) {
    JsonNode schema = doc.path("components").path("schemas").path(schemaName);
    Set<String> documented = new HashSet<>();
    schema.path("properties").fieldNames().forEachRemaining(documented::add);
    Set<String> sent = new HashSet<>();
    body.fieldNames().forEachRemaining(sent::add);
    assertThat(documented).as("documented fields of %s", schemaName).containsAll(sent);
    schema
        .path("required")
        .forEach(required -> assertThat(sent).as(schemaName).contains(required.asText()));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asText());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
