package io.irisx.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI 3.1 document of the API. Its paths are the routes Jersey has registered ({@link
 * ApiRoutes}), so none can be left out; what each operation takes and answers comes from {@code
 * irisx/openapi/operations.json}, and the response schemas from the response records themselves
 * ({@link RecordSchemas}). A route with no entry there is still listed, marked {@code
 * x-irisx-undocumented} (a test refuses that).
 */
public final class OpenApiDocument {
  static final String CATALOGUE = "irisx/openapi/operations.json";
  public static final String UNDOCUMENTED = "x-irisx-undocumented";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiDocument() {}

  /** The catalogue of operations as shipped. */
  public static JsonNode catalogue() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
      if (in == null) {
        throw new IllegalStateException(CATALOGUE + " is missing from the class path");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode build(List<ApiRoute> routes, JsonNode catalogue) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.1.0");
    doc.set("info", catalogue.path("info").deepCopy());
    doc.putArray("servers").addObject().put("url", "/");
    ObjectNode components = JSON.createObjectNode();
    ObjectNode schemas = components.putObject("schemas");
    schemas
        .putObject("E164")
        .put("type", "string")
        .put("pattern", "^\\+[1-9][0-9]{1,14}$")
        .put("description", "Strict E.164: '+' then 2 to 15 digits, the first not 0");
    schemas
        .putObject("OpenApi")
        .put("type", "object")
        .put("description", "An OpenAPI 3.1 document");
    catalogue
        .path("responseTypes")
        .properties()
        .forEach(entry -> schemas.set(entry.getKey(), recordSchema(entry.getValue().asText())));
    catalogue
        .path("requestSchemas")
        .properties()
        .forEach(entry -> schemas.set(entry.getKey(), entry.getValue().deepCopy()));
    ObjectNode security = components.putObject("securitySchemes");
    security
        .putObject("apiKey")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("description", "A tenant's API key (irx_...)");
    security
        .putObject("operatorKey")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("description", "The operator key from the API's configuration");

    ObjectNode paths = doc.putObject("paths");
    for (ApiRoute route : routes) {
      if (route.httpMethod().equals("HEAD") || route.httpMethod().equals("OPTIONS")) {
        continue;
      }
      ObjectNode path =
          paths.has(route.path())
              ? (ObjectNode) paths.get(route.path())
              : paths.putObject(route.path());
      JsonNode entry = catalogue.path("operations").path(route.toString());
      path.set(route.httpMethod().toLowerCase(Locale.ROOT), operation(route, entry));
    }
    doc.set("components", components);
    return doc;
  }

  private static ObjectNode operation(ApiRoute route, JsonNode entry) {
    ObjectNode operation = JSON.createObjectNode();
    operation.put(
        "operationId",
        route.handler().getDeclaringClass().getSimpleName() + "." + route.handler().getName());
    if (entry.isMissingNode()) {
      operation.put("summary", route.toString());
      operation.put(UNDOCUMENTED, true);
      operation
          .putObject("responses")
          .putObject("default")
          .put("description", "Not yet documented");
      return operation;
    }
    operation.put("summary", entry.path("summary").asText());
    if (entry.has("tags")) {
      operation.set("tags", entry.get("tags").deepCopy());
    }
    if (entry.path("public").asBoolean(false)) {
      operation.putArray("security");
    } else {
      operation
          .putArray("security")
          .addObject()
          .putArray(entry.path("operator").asBoolean(false) ? "operatorKey" : "apiKey");
    }
    ArrayNode parameters = operation.putArray("parameters");
    for (String variable : route.pathVariables()) {
      ObjectNode parameter =
          parameters.addObject().put("name", variable).put("in", "path").put("required", true);
      parameter.putObject("schema").put("type", "string").put("format", "uuid");
    }
    if (entry.path("paged").asBoolean(false)) {
      ObjectNode limit = parameters.addObject().put("name", "limit").put("in", "query");
      ObjectNode limitSchema =
          JSON.createObjectNode()
              .put("type", "integer")
              .put("minimum", 1)
              .put("maximum", 100)
              .put("default", 20);
      limit.set("schema", emptyMeansAbsent(limitSchema));
      ObjectNode cursor =
          parameters
              .addObject()
              .put("name", "cursor")
              .put("in", "query")
              .put("description", "nextCursor of the previous page");
      cursor.putObject("schema").put("type", "string");
    }
    // Other query parameters (filters), as the catalogue lists them: name, description, schema.
    for (JsonNode query : entry.path("query")) {
      ObjectNode parameter =
          parameters.addObject().put("name", query.path("name").asText()).put("in", "query");
      if (query.has("description")) {
        parameter.put("description", query.path("description").asText());
      }
      parameter.set(
          "schema",
          query.path("schema").isMissingNode()
              ? JSON.createObjectNode().put("type", "string")
              : emptyMeansAbsent(query.get("schema").deepCopy()));
    }
    if (route.httpMethod().equals("POST")) {
      ObjectNode key =
          parameters
              .addObject()
              .put("name", "Idempotency-Key")
              .put("in", "header")
              .put(
                  "description",
                  "Same key and same request within 24 h: the original response, once; same key, other request: 422");
      key.putObject("schema")
          .put("type", "string")
          .put("pattern", "^[\\x21-\\x7E]{1,255}$")
          .put("description", "1 to 255 visible ASCII characters (a UUID is ideal)");
    }
    if (parameters.isEmpty()) {
      operation.remove("parameters");
    }
    if (entry.has("request")) {
      ObjectNode content =
          operation.putObject("requestBody").put("required", true).putObject("content");
      ObjectNode ref =
          JSON.createObjectNode()
              .put("$ref", "#/components/schemas/" + entry.get("request").asText());
      content.putObject("application/json").set("schema", ref);
      if (entry.path("mergePatch").asBoolean(false)) {
        content.putObject("application/merge-patch+json").set("schema", ref.deepCopy());
      }
    }
    ObjectNode responses = operation.putObject("responses");
    entry
        .path("responses")
        .properties()
        .forEach(
            response -> {
              ObjectNode answer =
                  responses
                      .putObject(response.getKey())
                      .put("description", describe(response.getKey()));
              if (response.getValue().asText().startsWith("text/")) {
                // A streamed document (e.g. text/csv), not JSON.
                answer
                    .putObject("content")
                    .putObject(response.getValue().asText())
                    .putObject("schema")
                    .put("type", "string");
              } else if (!response.getValue().isNull()) {
                answer
                    .putObject("content")
                    .putObject("application/json")
                    .set("schema", schemaRef(response.getValue().asText()));
              }
            });
    for (String status : errorStatuses(route, entry)) {
      responses
          .putObject(status)
          .put("description", describe(status))
          .putObject("content")
          .putObject("application/problem+json")
          .putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
    return operation;
  }

  /**
   * The problem statuses an operation answers: the catalogue's, and those every operation of its
   * kind can answer whatever it is: {@code 400} where a path variable can carry what Jetty refuses
   * (a control character, an encoded slash), {@code 422} for a POST's malformed {@code
   * Idempotency-Key}.
   */
  private static List<String> errorStatuses(ApiRoute route, JsonNode entry) {
    java.util.SortedSet<String> statuses = new java.util.TreeSet<>();
    entry.path("errors").forEach(status -> statuses.add(status.asText()));
    if (!route.pathVariables().isEmpty()) {
      statuses.add("400");
    }
    if (route.httpMethod().equals("POST") && !entry.path("public").asBoolean(false)) {
      statuses.add("422");
    }
    return List.copyOf(statuses);
  }

  /**
   * A filter given empty ({@code ?status=}) is the same as one left out, as a form sends it: the
   * schema of a constrained string filter says so.
   */
  private static JsonNode emptyMeansAbsent(JsonNode schema) {
    if (schema instanceof ObjectNode object && "date-time".equals(schema.path("format").asText())) {
      // RFC 3339 as java.time reads it: offsets up to 18 hours, no leap second, nanoseconds.
      object.put(
          "pattern",
          "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]{1,9})?"
              + "([Zz]|[+-](0[0-9]|1[0-7]):[0-5][0-9]|[+-]18:00)$");
    }
    boolean constrained =
        schema.has("enum")
            || schema.has("format")
            || schema.has("pattern")
            || schema.has("$ref")
            || schema.path("type").asText().equals("integer");
    if (!constrained || schema.has("anyOf")) {
      return schema;
    }
    ObjectNode either = JSON.createObjectNode();
    either.putArray("anyOf").add(schema).addObject().put("type", "string").put("maxLength", 0);
    return either;
  }

  private static ObjectNode schemaRef(String name) {
    if (name.startsWith("page:")) {
      ObjectNode page = JSON.createObjectNode().put("type", "object");
      ObjectNode properties = page.putObject("properties");
      properties
          .putObject("data")
          .put("type", "array")
          .putObject("items")
          .put("$ref", "#/components/schemas/" + name.substring("page:".length()));
      properties.putObject("nextCursor").putArray("type").add("string").add("null");
      page.putArray("required").add("data").add("nextCursor");
      return page;
    }
    return JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
  }

  private static ObjectNode recordSchema(String className) {
    try {
      return RecordSchemas.of(Class.forName(className));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("operations.json names a missing type " + className, e);
    }
  }

  private static String describe(String status) {
    return switch (status) {
      case "200" -> "OK";
      case "201" -> "Created";
      case "204" -> "No content";
      case "400" -> "Malformed JSON, or a malformed address";
      case "401" -> "Missing, unknown or revoked key";
      case "403" -> "The key's scope does not allow this";
      case "404" -> "Not found (another tenant's resource is not found too)";
      case "409" -> "Conflict (taken, or the same Idempotency-Key still in progress)";
      case "413" -> "Body too large";
      case "415" -> "Not application/json";
      case "422" -> "Invalid request; errors lists each field";
      case "429" -> "Over the key's request rate; see Retry-After";
      case "503" -> "A dependency is unavailable; see Retry-After when present";
      default -> "HTTP " + status;
    };
  }
}
