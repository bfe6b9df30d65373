package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad request gets its problem document, and writes nothing and starts nothing. */
class RejectedStartCallTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final String JSON = "application/json";

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(
            "truncated JSON", JSON, "{\"from\":\"+15550100\",", 400, "malformed-json", List.of()),
        Arguments.of("not JSON at all", JSON, "from=+15550100", 400, "malformed-json", List.of()),
        Arguments.of("an empty body", JSON, "", 400, "malformed-json", List.of()),
        Arguments.of(
            "no fields", JSON, "{}", 422, "validation-error", List.of("from", "to", "flow")),
        Arguments.of(
            "no to",
            JSON,
            body("+15550100", null, "hello"),
            422,
            "validation-error",
            List.of("to")),
        Arguments.of(
            "no flow",
            JSON,
            body("+15550100", "+15550111", null),
            422,
            "validation-error",
            List.of("flow")),
        Arguments.of(
            "from without +",
            JSON,
            body("5550100", "+15550111", "hello"),
            422,
            "validation-error",
            List.of("from")),
        Arguments.of(
            "to starting +0",
            JSON,
            body("+15550100", "+0123", "hello"),
            422,
            "validation-error",
            List.of("to")),
        Arguments.of(
            "to with spaces",
            JSON,
            body("+15550100", "+1 555 0111", "hello"),
            422,
            "validation-error",
            List.of("to")),
        Arguments.of(
            "to with 16 digits",
            JSON,
            body("+15550100", "+1234567890123456", "hello"),
            422,
            "validation-error",
            List.of("to")),
        Arguments.of(
            "to with one digit",
            JSON,
            body("+15550100", "+1", "hello"),
            422,
            "validation-error",
            List.of("to")),
        Arguments.of(
            "an ESL injection in to",
            JSON,
            body("+15550100", "+15550111&hangup", "hello"),
            422,
            "validation-error",
            List.of("to")),
        Arguments.of(
            "a number where an object belongs",
            JSON,
            "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\",\"params\":5}",
            422,
            "validation-error",
            List.of("params")),
        Arguments.of(
            "an unknown field",
            JSON,
            "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\",\"colour\":\"red\"}",
            422,
            "validation-error",
            List.of("colour")),
        Arguments.of("an array body", JSON, "[]", 422, "validation-error", List.of("(body)")),
        Arguments.of(
            "an unknown flow",
            JSON,
            body("+15550100", "+15550111", "no-such-flow"),
            422,
            "unknown-flow",
            List.of()),
        Arguments.of(
            "text/plain",
            "text/plain",
            body("+15550100", "+15550111", "hello"),
            415,
            "unsupported-media-type",
            List.of()),
        Arguments.of(
            "form encoding",
            "application/x-www-form-urlencoded",
            "from=%2B15550100",
            415,
            "unsupported-media-type",
            List.of()),
        Arguments.of(
            "no Content-Type",
            null,
            body("+15550100", "+15550111", "hello"),
            415,
            "unsupported-media-type",
            List.of()));
  }

  private static String body(String from, String to, String flow) {
    List<String> fields = new ArrayList<>();
    if (from != null) fields.add("\"from\":\"" + from + "\"");
    if (to != null) fields.add("\"to\":\"" + to + "\"");
    if (flow != null) fields.add("\"flow\":\"" + flow + "\"");
    return "{" + String.join(",", fields) + "}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aBadRequestIsAProblemAndChangesNothing(
      String what, String contentType, String body, int status, String type, List<String> fields) {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant tenant = STACK.newTenant();
    int workflowsBefore = STACK.openWorkflowCount();

    ApiClient.Reply reply = api.post("/v1/calls", tenant.apiKey(), contentType, body);

    ProblemAssert.assertProblem(reply, status, type);
    assertThat(reply.body().path("instance").asText()).isEqualTo("/v1/calls");
    List<String> reported = new ArrayList<>();
    reply.body().path("errors").forEach(e -> reported.add(e.path("field").asText()));
    assertThat(reported).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
    assertThat(STACK.openWorkflowCount()).isEqualTo(workflowsBefore);
  }
}
