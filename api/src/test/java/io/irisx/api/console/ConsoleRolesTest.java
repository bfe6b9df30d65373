package io.irisx.api.console;

import static io.irisx.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.ConsoleSessions;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.auth.ProvisionedTenant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A console user can do what the role allows, on every route, and nothing more. */
class ConsoleRolesTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private static final String CALL =
      "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"}";

  private ApiClient as(ProvisionedTenant tenant, ConsoleRole role) {
    return ConsoleSessions.signedIn(
            STACK, new ApiClient(APP.getLocalPort()), tenant.tenantId(), role)
        .client(APP.getLocalPort());
  }

  @Test
  void aViewerReadsButChangesNothing() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient viewer = as(tenant, ConsoleRole.VIEWER);

    assertThat(viewer.get("/v1/calls", null).status()).isEqualTo(200);
    assertThat(viewer.get("/v1/contacts", null).status()).isEqualTo(200);
    assertThat(viewer.get("/v1/webhooks", null).status()).isEqualTo(200);
    assertProblem(viewer.post("/v1/calls", null, CALL), 403, "role-forbidden");
    assertProblem(
        viewer.post("/v1/contacts", null, "{\"firstName\":\"A\"}"), 403, "role-forbidden");
    assertProblem(viewer.get("/v1/users", null), 403, "role-forbidden");
    assertProblem(viewer.get("/v1/api-keys", null), 403, "role-forbidden");
    assertThat(STACK.callCount(tenant.tenantId())).isZero();
    assertThat(viewer.delete("/v1/session", null).status()).isEqualTo(204);
  }

  @Test
  void anAgentPlacesCallsAndKeepsContactsButNothingElse() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient agent = as(tenant, ConsoleRole.AGENT);

    ApiClient.Reply call = agent.post("/v1/calls", null, CALL);
    assertThat(call.status()).as(call.raw().body()).isEqualTo(201);
    assertThat(agent.post("/v1/contacts", null, "{\"firstName\":\"A\"}").status()).isEqualTo(201);
    assertProblem(agent.post("/v1/api-keys", null, "{\"name\":\"k\"}"), 403, "role-forbidden");
    assertProblem(
        agent.post("/v1/webhooks", null, "{\"url\":\"https://93.184.215.14/h\"}"),
        403,
        "role-forbidden");
    assertProblem(
        agent.post("/v1/phone-numbers", null, "{\"number\":\"+15557654321\",\"flow\":\"hello\"}"),
        403,
        "role-forbidden");
    assertProblem(
        agent.post("/v1/users", null, "{\"email\":\"x@example.com\",\"role\":\"admin\"}"),
        403,
        "role-forbidden");
  }

  @Test
  void anAdminManagesKeysAndUsers() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient admin = as(tenant, ConsoleRole.ADMIN);

    assertThat(admin.post("/v1/api-keys", null, "{\"name\":\"k\"}").status()).isEqualTo(201);
    assertThat(admin.get("/v1/users", null).status()).isEqualTo(200);
    assertThat(admin.post("/v1/webhooks", null, "{\"url\":\"https://93.184.215.14/h\"}").status())
        .isEqualTo(201);
  }

  @Test
  void aRoleChangeTakesEffectOnTheNextRequest() {
    ProvisionedTenant tenant = STACK.newTenant();
    ConsoleSessions.Session session =
        ConsoleSessions.signedIn(
            STACK, new ApiClient(APP.getLocalPort()), tenant.tenantId(), ConsoleRole.AGENT);
    ApiClient agent = session.client(APP.getLocalPort());
    assertThat(agent.post("/v1/contacts", null, "{\"firstName\":\"A\"}").status()).isEqualTo(201);

    STACK
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE users SET role = 'viewer' WHERE id = ?",
                    java.util.UUID.fromString(
                        session.login().body().path("user").path("id").asText())));

    assertProblem(agent.post("/v1/contacts", null, "{\"firstName\":\"B\"}"), 403, "role-forbidden");
  }
}
