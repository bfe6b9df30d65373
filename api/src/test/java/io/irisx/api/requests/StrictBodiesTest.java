package io.irisx.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies are read as written (no coercion), a body over 1 MiB is a 413 naming the limit, params
 * over 16 KiB a 422 naming params; in each case no call row is written and no workflow started.
 */
class StrictBodiesTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final String CALL =
      "\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "\"record\": 1 => record",
        "\"record\": \"true\" => record",
        "\"queue\": 0 => queue",
        "\"queue\": \"false\" => queue",
        "\"webhookUrl\": 123 => webhookUrl",
        "\"flow\": 7, \"x\": 1 => flow"
      })
  void aScalarOfTheWrongTypeIsNotCoerced(String extra, String field) {
    ProvisionedTenant tenant = STACK.newTenant();
    String body =
        extra.contains("\"flow\"")
            ? "{\"from\":\"+15550100\",\"to\":\"+15550111\","
                + extra.replace(", \"x\": 1", "")
                + "}"
            : "{" + CALL + "," + extra + "}";
    ApiClient.Reply reply =
        new ApiClient(APP.getLocalPort()).post("/v1/calls", tenant.apiKey(), body);

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    assertThat(fields(reply)).containsExactly(field);
    assertThat(reply.body().path("errors").get(0).path("message").asText())
        .isEqualTo("has the wrong type");
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {"{\"file\": 123} => file", "{\"digits\": 123} => digits"})
  void liveCommandsAreNotCoercedEither(String body, String field) {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());
    String call =
        api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello")
            .body()
            .path("id")
            .asText();
    String route = field.equals("file") ? "/play" : "/dtmf";

    ApiClient.Reply reply = api.post("/v1/calls/" + call + route, tenant.apiKey(), body);

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    assertThat(fields(reply)).containsExactly(field);
  }

  @Test
  void aBodyOverTheLimitIsA413NamingTheLimit() {
    ProvisionedTenant tenant = STACK.newTenant();
    String big = "{" + CALL + ",\"params\":{\"message\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}";

    ApiClient.Reply reply =
        new ApiClient(APP.getLocalPort()).post("/v1/calls", tenant.apiKey(), big);

    ProblemAssert.assertProblem(reply, 413, "request-too-large");
    assertThat(reply.body().path("detail").asText()).contains("1048576 bytes");
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
  }

  @Test
  void paramsOverTheirOwnLimitAreA422NamingParams() {
    ProvisionedTenant tenant = STACK.newTenant();
    String body =
        "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"reminder\",\"params\":{\"message\":\""
            + "a".repeat(20_000)
            + "\"}}";

    ApiClient.Reply reply =
        new ApiClient(APP.getLocalPort()).post("/v1/calls", tenant.apiKey(), body);

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    assertThat(fields(reply)).containsExactly("params");
    assertThat(reply.body().path("errors").get(0).path("message").asText()).contains("16384 bytes");
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "reminder|{\"message\": \"/etc/passwd\"} => params.message",
        "reminder|{\"message\": \"http_cache://https://169.254.169.254/latest/meta-data\"} => params.message",
        "reminder|{\"menu\": \"http_cache://https://localhost/menu.wav\"} => params.menu",
        "voicemail|{\"maxSeconds\": 0} => params.maxSeconds",
        "voicemail|{\"maxSeconds\": 99999} => params.maxSeconds",
        "ivr|{\"options\": {\"1\": {\"number\": \"+1 555\"}}} => params.options.1.number",
        "click-to-call|{} => params.customer",
        "hello|{\"x\": 1} => params.x"
      })
  void badParamsAreRefusedOnCallsNumbersAndPatches(String flowAndParams, String field) {
    String flow = flowAndParams.substring(0, flowAndParams.indexOf('|'));
    String params = flowAndParams.substring(flowAndParams.indexOf('|') + 1);
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());

    ApiClient.Reply call =
        api.post(
            "/v1/calls",
            tenant.apiKey(),
            "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\""
                + flow
                + "\",\"params\":"
                + params
                + "}");
    ApiClient.Reply number =
        api.post(
            "/v1/phone-numbers",
            tenant.apiKey(),
            "{\"number\":\""
                + freshNumber()
                + "\",\"flow\":\""
                + flow
                + "\",\"params\":"
                + params
                + "}");
    String numberId =
        api.post(
                "/v1/phone-numbers",
                tenant.apiKey(),
                "{\"number\":\"" + freshNumber() + "\",\"flow\":\"hello\"}")
            .body()
            .path("id")
            .asText();
    ApiClient.Reply patch =
        api.patch(
            "/v1/phone-numbers/" + numberId,
            tenant.apiKey(),
            "{\"flow\":\"" + flow + "\",\"params\":" + params + "}");

    for (ApiClient.Reply reply : List.of(call, number, patch)) {
      ProblemAssert.assertProblem(reply, 422, "validation-error");
      assertThat(fields(reply)).containsExactly(field);
    }
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
    assertThat(
            api.get("/v1/phone-numbers/" + numberId, tenant.apiKey()).body().path("flow").asText())
        .isEqualTo("hello");
  }

  private static final java.util.concurrent.atomic.AtomicInteger NUMBERS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static String freshNumber() {
    return "+1555777" + String.format("%04d", NUMBERS.incrementAndGet());
  }

  private static List<String> fields(ApiClient.Reply reply) {
    List<String> fields = new ArrayList<>();
    reply.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }
}
