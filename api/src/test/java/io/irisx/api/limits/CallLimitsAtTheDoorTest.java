package io.irisx.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant's call limits at POST /v1/calls, on a real Redis: a call over the limit is queued by
 * default, refused with 429 and Retry-After when it asked not to queue; operators set the limits.
 * (No worker runs here: admitted calls stay up, which is what holds their slots.)
 */
class CallLimitsAtTheDoorTest {
  @RegisterExtension
  @Order(0)
  static final TestRedis REDIS = new TestRedis();

  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(
          ConfigOverride.config("rateLimit.redisAddress", REDIS::address),
          ConfigOverride.config("callLimits.maxConcurrentCalls", "7"));

  private final ApiClient api = new ApiClient(APP.getLocalPort());

  @Test
  void operatorsReadAndSetATenantsLimitsAndNullGoesBackToTheDefault() {
    ProvisionedTenant tenant = STACK.newTenant();
    String path = "/v1/admin/tenants/" + tenant.tenantId() + "/limits";

    ApiClient.Reply initial = api.get(path, ApiTestStack.OPERATOR_KEY);
    assertThat(initial.status()).isEqualTo(200);
    assertThat(initial.body().path("maxConcurrentCalls").asInt()).isEqualTo(7);
    assertThat(initial.body().path("callsPerSecond").asInt()).isEqualTo(10);

    ApiClient.Reply set =
        api.request(
            "PUT",
            path,
            ApiTestStack.OPERATOR_KEY,
            "{\"maxConcurrentCalls\":2,\"callsPerSecond\":3}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(api.get(path, ApiTestStack.OPERATOR_KEY).body().path("maxConcurrentCalls").asInt())
        .isEqualTo(2);
    assertThat(set.body().path("defaulted").toString()).isEqualTo("[\"maxQueueWaitSeconds\"]");

    api.request("PUT", path, ApiTestStack.OPERATOR_KEY, "{\"maxConcurrentCalls\":null}");
    assertThat(api.get(path, ApiTestStack.OPERATOR_KEY).body().path("maxConcurrentCalls").asInt())
        .isEqualTo(7);

    ProblemAssert.assertProblem(
        api.request("PUT", path, ApiTestStack.OPERATOR_KEY, "{\"maxConcurrentCalls\":0}"),
        422,
        "validation-error");
    ProblemAssert.assertProblem(
        api.get(
            "/v1/admin/tenants/" + java.util.UUID.randomUUID() + "/limits",
            ApiTestStack.OPERATOR_KEY),
        404,
        "not-found");
    // A tenant's key is not the operator's.
    assertThat(api.get(path, tenant.apiKey()).status()).isEqualTo(401);
  }

  @Test
  void overTheConcurrencyACallIsQueuedOrWithQueueFalseRefusedWith429() {
    ProvisionedTenant tenant = STACK.newTenant();
    api.request(
        "PUT",
        "/v1/admin/tenants/" + tenant.tenantId() + "/limits",
        ApiTestStack.OPERATOR_KEY,
        "{\"maxConcurrentCalls\":1}");

    ApiClient.Reply first = api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello");
    assertThat(first.status()).isEqualTo(201);

    ApiClient.Reply refused =
        api.post(
            "/v1/calls",
            tenant.apiKey(),
            "{\"from\":\"+15550100\",\"to\":\"+15550112\",\"flow\":\"hello\",\"queue\":false}");
    ProblemAssert.assertProblem(refused, 429, "call-limit-reached");
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(Integer.parseInt(refused.header("Retry-After").orElseThrow())).isPositive();
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);

    ApiClient.Reply queued =
        api.post(
            "/v1/calls",
            tenant.apiKey(),
            "{\"from\":\"+15550100\",\"to\":\"+15550113\",\"flow\":\"hello\",\"queue\":true}");
    assertThat(queued.status()).isEqualTo(201);
    assertThat(queued.body().path("status").asText()).isEqualTo("queued");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(2);

    // Someone waits now: even a tenant under its concurrency may not overtake (first come, first
    // served).
    ApiClient.Reply behindTheQueue =
        api.post(
            "/v1/calls",
            tenant.apiKey(),
            "{\"from\":\"+15550100\",\"to\":\"+15550114\",\"flow\":\"hello\",\"queue\":false}");
    ProblemAssert.assertProblem(behindTheQueue, 429, "call-limit-reached");
  }

  @Test
  void theRateLimitRefusesTheSecondCallInTheSameSecond() {
    ProvisionedTenant tenant = STACK.newTenant();
    api.request(
        "PUT",
        "/v1/admin/tenants/" + tenant.tenantId() + "/limits",
        ApiTestStack.OPERATOR_KEY,
        "{\"callsPerSecond\":1}");
    String noQueue =
        "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\",\"queue\":false}";

    assertThat(api.post("/v1/calls", tenant.apiKey(), noQueue).status()).isEqualTo(201);
    ApiClient.Reply refused = api.post("/v1/calls", tenant.apiKey(), noQueue);

    ProblemAssert.assertProblem(refused, 429, "call-limit-reached");
    assertThat(refused.body().path("detail").asText()).contains("1 calls a second");
    assertThat(refused.header("Retry-After")).hasValue("1");
  }

  @Test
  void aBadQueueFieldIsAProblem() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient.Reply reply =
        api.post(
            "/v1/calls",
            tenant.apiKey(),
            "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\",\"queue\":\"maybe\"}");
    assertThat(reply.status()).isIn(400, 422);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
  }
}
