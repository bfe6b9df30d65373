package io.irisx.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.webhook.WebhookEventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the API enforces and answers is in its OpenAPI document: the answers every operation of a
 * kind can give, the registered flows and event types, what may be null, one schema per name.
 */
class OpenApiExactnessTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private JsonNode doc;

  @BeforeEach
  void setUp() {
    doc = new ApiClient(APP.getLocalPort()).get("/v1/openapi.json", null).body();
  }

  @Test
  void everyOperationWithAPathVariableAnswersAMalformedPathWithAProblem() {
    List<String> missing = new ArrayList<>();
    doc.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          JsonNode bad = operation.getValue().path("responses").path("400");
                          if (path.getKey().contains("{")
                              && !bad.path("content").has("application/problem+json")) {
                            missing.add(operation.getKey() + " " + path.getKey());
                          }
                        }));
    assertThat(missing).isEmpty();
  }

  @Test
  void everyKeyedPostDocuments422ForAMalformedIdempotencyKey() {
    List<String> missing = new ArrayList<>();
    doc.path("paths")
        .properties()
        .forEach(
            path -> {
              JsonNode post = path.getValue().path("post");
              boolean keyed = !post.path("security").isEmpty();
              if (!post.isMissingNode() && keyed && !post.path("responses").has("422")) {
                missing.add(path.getKey());
              }
            });
    assertThat(missing).isEmpty();
    JsonNode key =
        doc.at("/paths/~1v1~1calls/post/parameters").findParents("name").stream()
            .filter(p -> p.path("name").asText().equals("Idempotency-Key"))
            .findFirst()
            .orElseThrow();
    assertThat(key.at("/schema/pattern").asText()).isEqualTo("^[\\x21-\\x7E]{1,255}$");
  }

  @Test
  void flowsAndEventTypesAreTheRegisteredOnes() {
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(names(schemas.at("/StartCall/properties/flow/enum")))
        .isEqualTo(new TreeSet<>(CallFlows.shipped().names()));
    assertThat(names(schemas.at("/NewPhoneNumber/properties/flow/enum")))
        .isEqualTo(new TreeSet<>(CallFlows.shipped().names()));
    assertThat(names(schemas.at("/NewWebhook/properties/events/items/enum")))
        .isEqualTo(new TreeSet<>(WebhookEventTypes.ALL));
  }

  @Test
  void aNestedRecordThatMayBeNullSaysSo() {
    JsonNode live = doc.at("/components/schemas/Call/properties/live");
    assertThat(live.path("anyOf").get(1).path("type").asText()).isEqualTo("null");
    assertThat(doc.at("/components/schemas/Caller/properties/user/anyOf/1/type").asText())
        .isEqualTo("null");
  }

  @Test
  void aResponseSchemaIsNotOverwrittenByARequestSchemaOfTheSameName() {
    assertThat(doc.at("/components/schemas/TenantLimits/properties").has("tenantId")).isTrue();
    assertThat(
            doc.at(
                    "/paths/~1v1~1admin~1tenants~1{id}~1limits/put/requestBody/content"
                        + "/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/TenantLimitsChange");
  }

  @Test
  void aFilterMayBeEmptyAndATimeIsOneJavaReads() {
    JsonNode createdFrom =
        doc.at("/paths/~1v1~1calls/get/parameters").findParents("name").stream()
            .filter(p -> p.path("name").asText().equals("createdFrom"))
            .findFirst()
            .orElseThrow()
            .path("schema");
    assertThat(createdFrom.at("/anyOf/1/maxLength").asInt()).isZero();
    assertThat(createdFrom.at("/anyOf/0/pattern").asText()).contains("1[0-7]");
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new TreeSet<>();
    array.forEach(item -> names.add(item.asText()));
    return names;
  }
}
