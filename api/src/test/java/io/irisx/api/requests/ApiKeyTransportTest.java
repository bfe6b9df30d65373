package io.irisx.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.FailedAuthenticationThrottle;
import io.irisx.api.auth.ProvisionedTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An API key is taken from the Authorization header only ({@code ?access_token=} is refused even
 * with a valid key), and an address that keeps sending refused keys is throttled while a good key
 * from elsewhere is not.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ApiKeyTransportTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  static final Path REQUEST_LOG = requestLog();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.appWith(
          "test-api-request-log.yml",
          ConfigOverride.config(
              "server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString()));

  private static Path requestLog() {
    try {
      return Files.createTempDirectory("irisx-request-log").resolve("requests.log");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aKeyInTheQueryStringIsRefused() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());

    ApiClient.Reply inQuery = api.get("/v1/calls?access_token=" + tenant.apiKey(), null);
    ApiClient.Reply both = api.get("/v1/calls?access_token=" + tenant.apiKey(), tenant.apiKey());

    ProblemAssert.assertProblem(inQuery, 401, "unauthorized");
    ProblemAssert.assertProblem(both, 401, "unauthorized");
    assertThat(inQuery.body().path("detail").asText()).contains("Authorization header");
    assertThat(api.get("/v1/calls", tenant.apiKey()).status()).isEqualTo(200);
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it leaves this test's address throttled for a minute
  void repeatedRefusedKeysFromOneAddressAreThrottled() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());
    for (int i = 0; i < FailedAuthenticationThrottle.MAX_FAILURES; i++) {
      ProblemAssert.assertProblem(
          api.get("/v1/calls", "irx_live_wrong" + "x".repeat(30) + i), 401, "unauthorized");
    }

    ApiClient.Reply throttled = api.get("/v1/calls", "irx_live_wrong" + "y".repeat(30));
    ApiClient.Reply evenAGoodKey = api.get("/v1/calls", tenant.apiKey());

    ProblemAssert.assertProblem(throttled, 429, "authentication-throttled");
    assertThat(throttled.header("Retry-After")).isPresent();
    ProblemAssert.assertProblem(evenAGoodKey, 429, "authentication-throttled");
    ProblemAssert.assertProblem(
        api.post("/v1/admin/tenants", io.irisx.api.ApiTestStack.OPERATOR_KEY, "{\"name\":\"T\"}"),
        429,
        "authentication-throttled");
  }

  @Test
  void theRequestLogNeverShowsASecretFromTheQueryString() throws Exception {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());
    api.get("/v1/calls?access_token=" + tenant.apiKey() + "&limit=5", null);
    api.get("/v1/calls?limit=7&api_key=" + tenant.apiKey(), tenant.apiKey());

    // The request log is written asynchronously.
    String log =
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(20))
            .until(
                () -> Files.exists(REQUEST_LOG) ? Files.readString(REQUEST_LOG) : "",
                text -> text.contains("limit=7"));
    assertThat(log).contains("access_token=***&limit=5").contains("limit=7&api_key=***");
    assertThat(log).doesNotContain(tenant.apiKey());
  }
}
