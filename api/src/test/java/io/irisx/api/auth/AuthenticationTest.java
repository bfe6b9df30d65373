package io.irisx.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticationTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final String CALL =
      "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"}";

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  private static void assertUnauthorized(ApiClient.Reply reply) {
    ProblemAssert.assertProblem(reply, 401, "unauthorized");
    assertThat(reply.header("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void aRequestWithoutAKeyIsUnauthorizedAndStartsNothing() {
    int workflowsBefore = STACK.openWorkflowCount();

    assertUnauthorized(api.post("/v1/calls", null, "application/json", CALL));
    assertUnauthorized(api.get("/v1/calls", null));
    assertUnauthorized(api.get("/v1/calls/" + java.util.UUID.randomUUID(), null));
    assertThat(STACK.openWorkflowCount()).isEqualTo(workflowsBefore);
  }

  @Test
  void anUnknownKeyIsUnauthorizedAndWritesNothing() {
    String forged = new ApiKeys(new java.security.SecureRandom()).generate();

    assertUnauthorized(api.post("/v1/calls", forged, "application/json", CALL));
    assertUnauthorized(api.post("/v1/calls", "not-even-a-key", "application/json", CALL));
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
  }

  @Test
  void aKeyUnderAnotherSchemeIsUnauthorized() {
    HttpRequest basic =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/v1/calls"))
            .header("Authorization", "Basic " + tenant.apiKey())
            .GET()
            .build();

    assertUnauthorized(api.send(basic));
  }

  @Test
  void aRevokedKeyIsUnauthorized() {
    assertThat(api.get("/v1/calls", tenant.apiKey()).status()).isEqualTo(200);
    STACK
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE api_keys SET revoked_at = now() WHERE tenant_id = ?",
                    tenant.tenantId()));

    assertUnauthorized(api.get("/v1/calls", tenant.apiKey()));
  }

  @Test
  void theKeyOfASuspendedTenantIsUnauthorized() {
    STACK
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE tenants SET status = 'suspended' WHERE id = ?", tenant.tenantId()));

    assertUnauthorized(api.get("/v1/calls", tenant.apiKey()));
  }

  @Test
  void usingAKeyRecordsWhenItWasLastUsed() {
    Instant before = Instant.now().minusSeconds(1);

    assertThat(api.get("/v1/calls", tenant.apiKey()).status()).isEqualTo(200);

    Instant lastUsed =
        STACK
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT last_used_at FROM api_keys WHERE tenant_id = :t")
                        .bind("t", tenant.tenantId())
                        .mapTo(Instant.class)
                        .one());
    assertThat(lastUsed).isAfter(before);
  }
}
