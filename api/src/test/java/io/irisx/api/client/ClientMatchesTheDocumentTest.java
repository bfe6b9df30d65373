package io.irisx.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.client.ApiKeys;
import io.irisx.client.ApiOperation;
import io.irisx.client.ApiSchema;
import io.irisx.client.Calls;
import io.irisx.client.Contacts;
import io.irisx.client.JsonPatch;
import io.irisx.client.PhoneNumbers;
import io.irisx.client.Recordings;
import io.irisx.client.WebhookDeliveries;
import io.irisx.client.Webhooks;
import io.irisx.client.model.ApiKey;
import io.irisx.client.model.Call;
import io.irisx.client.model.CallEvent;
import io.irisx.client.model.Contact;
import io.irisx.client.model.LiveCall;
import io.irisx.client.model.PhoneNumber;
import io.irisx.client.model.Recording;
import io.irisx.client.model.Webhook;
import io.irisx.client.model.WebhookDelivery;
import io.irisx.client.params.ContactParams;
import io.irisx.client.params.DtmfParams;
import io.irisx.client.params.HangupParams;
import io.irisx.client.params.NewApiKeyParams;
import io.irisx.client.params.NewPhoneNumberParams;
import io.irisx.client.params.NewWebhookParams;
import io.irisx.client.params.PhoneNumberUpdate;
import io.irisx.client.params.PlayParams;
import io.irisx.client.params.RedirectParams;
import io.irisx.client.params.RotateSecretParams;
import io.irisx.client.params.StartCallParams;
import io.irisx.client.params.WebhookUpdate;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java SDK ({@code irisx-client}) is written over the OpenAPI document and checked against it
 * here: every operation of the tenant API has its method and every method its operation; every
 * record has exactly its schema's properties, typed alike; every request the SDK can build has only
 * the fields its schema knows.
 */
class ClientMatchesTheDocumentTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  /** The SDK's part of the API: what a tenant's program calls with an API key. */
  static final List<String> TENANT_PATHS =
      List.of(
          "/v1/calls",
          "/v1/phone-numbers",
          "/v1/webhooks",
          "/v1/webhook-deliveries",
          "/v1/api-keys",
          "/v1/contacts",
          "/v1/recordings");

  static final List<Class<?>> RESOURCES =
      List.of(
          Calls.class,
          PhoneNumbers.class,
          Webhooks.class,
          WebhookDeliveries.class,
          ApiKeys.class,
          Contacts.class,
          Recordings.class);

  static final List<Class<?>> RESPONSES =
      List.of(
          Call.class,
          LiveCall.class,
          CallEvent.class,
          Recording.class,
          PhoneNumber.class,
          Webhook.class,
          WebhookDelivery.class,
          ApiKey.class,
          Contact.class);

  static final List<Class<?>> REQUESTS =
      List.of(
          StartCallParams.class,
          HangupParams.class,
          PlayParams.class,
          DtmfParams.class,
          RedirectParams.class,
          NewPhoneNumberParams.class,
          NewWebhookParams.class,
          NewApiKeyParams.class,
          RotateSecretParams.class);

  static final List<Class<? extends JsonPatch>> PATCHES =
      List.of(PhoneNumberUpdate.class, WebhookUpdate.class, ContactParams.class);

  private JsonNode doc;

  @BeforeEach
  void setUp() {
    doc = new ApiClient(APP.getLocalPort()).get("/v1/openapi.json", null).body();
  }

  @Test
  void everyTenantOperationHasItsMethodAndEveryMethodItsOperation() {
    Set<String> documented = new TreeSet<>();
    doc.path("paths")
        .properties()
        .forEach(
            path -> {
              if (TENANT_PATHS.stream()
                  .anyMatch(p -> path.getKey().equals(p) || path.getKey().startsWith(p + "/"))) {
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            documented.add(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()));
              }
            });
    Set<String> inTheSdk = new TreeSet<>();
    for (Class<?> resource : RESOURCES) {
      for (Method method : resource.getDeclaredMethods()) {
        ApiOperation operation = method.getAnnotation(ApiOperation.class);
        if (operation != null) {
          assertThat(inTheSdk.add(operation.value()))
              .as("%s is sent by one method only", operation.value())
              .isTrue();
        }
      }
    }
    assertThat(inTheSdk).isEqualTo(documented);
  }

  @Test
  void everyResponseRecordHasItsSchemasPropertiesTypedAlike() {
    for (Class<?> type : RESPONSES) {
      JsonNode schema = schema(type);
      assertThat(componentNames(type))
          .as("%s against components/schemas/%s", type.getSimpleName(), schemaName(type))
          .isEqualTo(propertyNames(schema));
      for (RecordComponent component : type.getRecordComponents()) {
        JsonNode property = schema.path("properties").path(component.getName());
        assertThat(kind(component.getType()))
            .as("%s.%s", type.getSimpleName(), component.getName())
            .isIn(kinds(property));
      }
    }
  }

  @Test
  void everyRequestTheSdkBuildsHasOnlyItsSchemasFieldsWithTheRequiredOnes() {
    for (Class<?> type : REQUESTS) {
      JsonNode schema = schema(type);
      assertThat(propertyNames(schema))
          .as("%s against components/schemas/%s", type.getSimpleName(), schemaName(type))
          .containsAll(componentNames(type));
      for (JsonNode required : schema.path("required")) {
        assertThat(componentNames(type)).contains(required.asText());
      }
    }
    for (Class<? extends JsonPatch> type : PATCHES) {
      Set<String> settable =
          Arrays.stream(type.getDeclaredClasses())
              .filter(c -> c.getSimpleName().equals("Builder"))
              .flatMap(b -> Arrays.stream(b.getDeclaredMethods()))
              .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 1)
              .map(Method::getName)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(settable)
          .as("%s against components/schemas/%s", type.getSimpleName(), schemaName(type))
          .isEqualTo(propertyNames(schema(type)));
    }
  }

  private String schemaName(Class<?> type) {
    return type.getAnnotation(ApiSchema.class).value();
  }

  private JsonNode schema(Class<?> type) {
    JsonNode schema = doc.path("components").path("schemas").path(schemaName(type));
    assertThat(schema.isMissingNode()).as("components/schemas/" + schemaName(type)).isFalse();
    return schema;
  }

  private static Set<String> componentNames(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> propertyNames(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The JSON kind a Java type is read from. */
  private static String kind(Class<?> type) {
    if (type == String.class || type == Instant.class) {
      return "string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "integer";
    }
    if (type == Double.class || type == double.class) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (List.class.isAssignableFrom(type)) {
      return "array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "object";
    }
    return "any";
  }

  /** The kinds a property's schema allows ("any" for a schema without a type). */
  private static List<String> kinds(JsonNode property) {
    List<String> kinds = new ArrayList<>();
    JsonNode type = property.path("type");
    if (type.isTextual()) {
      kinds.add(type.asText());
    }
    type.forEach(t -> kinds.add(t.asText()));
    property.path("anyOf").forEach(option -> kinds.addAll(kinds(option)));
    if (property.has("$ref")) {
      kinds.add("string");
    }
    if (kinds.isEmpty()) {
      kinds.add("any");
    }
    return kinds;
  }
}
