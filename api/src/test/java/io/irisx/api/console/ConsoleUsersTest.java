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
import io.irisx.db.console.UserRow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Admins invite people, who choose their password; admins change, disable and remove them. */
class ConsoleUsersTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ApiClient api() {
    return new ApiClient(APP.getLocalPort());
  }

  private static String token(ApiClient.Reply invited) {
    String url = invited.body().path("invitationUrl").asText();
    assertThat(url).contains("/console/invite#");
    return url.substring(url.indexOf('#') + 1);
  }

  @Test
  void anInvitedPersonChoosesAPasswordOnceAndIsSignedIn() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient admin =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.ADMIN)
            .client(APP.getLocalPort());
    String email = ConsoleSessions.newEmail();

    ApiClient.Reply invited =
        admin.post(
            "/v1/users", null, "{\"email\":\"" + email + "\",\"role\":\"agent\",\"name\":\"Ada\"}");

    assertThat(invited.status()).as(invited.raw().body()).isEqualTo(201);
    assertThat(invited.body().path("status").asText()).isEqualTo("invited");
    String token = token(invited);
    assertThat(
            STACK.count(
                "SELECT count(*) FROM users WHERE invite_token_hash = ?",
                SessionTokens.hash(token)))
        .isEqualTo(1);
    assertThat(
            admin
                .get("/v1/users/" + invited.body().path("id").asText(), null)
                .body()
                .path("invitationUrl")
                .isNull())
        .isTrue();
    ApiClient.Reply shown = api().get("/v1/invitations/" + token, null);
    assertThat(shown.body().path("email").asText()).isEqualTo(email);
    assertThat(shown.body().path("role").asText()).isEqualTo("agent");

    assertProblem(
        api().post("/v1/invitations/" + token, null, "{\"password\":\"short\"}"),
        422,
        "validation-error");
    assertProblem(
        ConsoleSessions.tryLogIn(api(), email, ConsoleSessions.PASSWORD), 401, "login-failed");
    ApiClient.Reply accepted =
        api()
            .post(
                "/v1/invitations/" + token,
                null,
                "{\"password\":\"" + ConsoleSessions.PASSWORD + "\"}");
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(201);
    assertThat(accepted.header("Set-Cookie").orElseThrow())
        .contains("irisx_session=")
        .contains("HttpOnly");
    assertThat(accepted.body().path("user").path("status").asText()).isEqualTo("active");

    assertProblem(
        api().post("/v1/invitations/" + token, null, "{\"password\":\"another long password\"}"),
        404,
        "not-found");
    assertThat(
            ConsoleSessions.logIn(api(), email).login().body().path("user").path("role").asText())
        .isEqualTo("agent");
  }

  @Test
  void aLapsedOrReplacedInvitationIsNotFound() {
    ProvisionedTenant tenant = STACK.newTenant();
    String email = ConsoleSessions.newEmail();
    ApiClient.Reply invited =
        api()
            .post(
                "/v1/users", tenant.apiKey(), "{\"email\":\"" + email + "\",\"role\":\"viewer\"}");
    String first = token(invited);
    ApiClient.Reply again =
        api()
            .post(
                "/v1/users/" + invited.body().path("id").asText() + "/invitation",
                tenant.apiKey(),
                null);
    String second = token(again);

    assertProblem(api().get("/v1/invitations/" + first, null), 404, "not-found");
    assertThat(api().get("/v1/invitations/" + second, null).status()).isEqualTo(200);
    STACK
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE users SET invite_expires_at = now() WHERE lower(email) = lower(?)",
                    email));
    assertProblem(api().get("/v1/invitations/" + second, null), 404, "not-found");
  }

  @Test
  void anEmailHasOneAccountAcrossTenants() {
    UserRow existing =
        ConsoleSessions.user(STACK, STACK.newTenant().tenantId(), ConsoleRole.VIEWER);
    ProvisionedTenant other = STACK.newTenant();

    assertProblem(
        api()
            .post(
                "/v1/users",
                other.apiKey(),
                "{\"email\":\"" + existing.email().toUpperCase() + "\",\"role\":\"viewer\"}"),
        409,
        "email-taken");
    assertProblem(
        api().post("/v1/users", other.apiKey(), "{\"email\":\"not an email\",\"role\":\"viewer\"}"),
        422,
        "validation-error");
    assertProblem(
        api().post("/v1/users", other.apiKey(), "{\"email\":\"a@example.com\",\"role\":\"owner\"}"),
        422,
        "validation-error");
  }

  @Test
  void disablingAUserEndsTheirSessionsAtOnce() {
    ProvisionedTenant tenant = STACK.newTenant();
    ConsoleSessions.Session agent =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.AGENT);
    String agentId = agent.login().body().path("user").path("id").asText();
    ApiClient admin =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.ADMIN)
            .client(APP.getLocalPort());
    assertThat(admin.get("/v1/users/" + agentId + "/sessions", null).body().path("data"))
        .hasSize(1);

    ApiClient.Reply disabled =
        admin.patch("/v1/users/" + agentId, null, "{\"status\":\"disabled\"}");

    assertThat(disabled.body().path("status").asText()).isEqualTo("disabled");
    assertProblem(agent.client(APP.getLocalPort()).get("/v1/calls", null), 401, "unauthorized");
    assertThat(admin.get("/v1/users/" + agentId + "/sessions", null).body().path("data")).isEmpty();
    assertProblem(
        ConsoleSessions.tryLogIn(
            api(),
            agent.login().body().path("user").path("email").asText(),
            ConsoleSessions.PASSWORD),
        401,
        "login-failed");
  }

  @Test
  void signingAUserOutEverywhereEndsEverySession() {
    ProvisionedTenant tenant = STACK.newTenant();
    UserRow user = ConsoleSessions.user(STACK, tenant.tenantId(), ConsoleRole.VIEWER);
    ConsoleSessions.Session one = ConsoleSessions.logIn(api(), user.email());
    ConsoleSessions.Session two = ConsoleSessions.logIn(api(), user.email());

    assertThat(api().delete("/v1/users/" + user.id() + "/sessions", tenant.apiKey()).status())
        .isEqualTo(204);

    assertProblem(one.client(APP.getLocalPort()).get("/v1/session", null), 401, "unauthorized");
    assertProblem(two.client(APP.getLocalPort()).get("/v1/session", null), 401, "unauthorized");
  }

  @Test
  void aTenantKeepsOneActiveAdmin() {
    ProvisionedTenant tenant = STACK.newTenant();
    ConsoleSessions.Session session =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.ADMIN);
    ApiClient admin = session.client(APP.getLocalPort());
    String self = session.login().body().path("user").path("id").asText();

    assertProblem(
        admin.patch("/v1/users/" + self, null, "{\"role\":\"viewer\"}"), 409, "last-admin");
    assertProblem(
        admin.patch("/v1/users/" + self, null, "{\"status\":\"disabled\"}"), 409, "last-admin");
    assertProblem(admin.delete("/v1/users/" + self, null), 409, "last-admin");

    UserRow second = ConsoleSessions.user(STACK, tenant.tenantId(), ConsoleRole.ADMIN);
    assertThat(
            admin
                .patch("/v1/users/" + self, null, "{\"role\":\"viewer\"}")
                .body()
                .path("role")
                .asText())
        .isEqualTo("viewer");
    assertProblem(admin.get("/v1/users", null), 403, "role-forbidden");
    assertThat(api().delete("/v1/users/" + second.id(), tenant.apiKey()).status()).isEqualTo(409);
  }

  @Test
  void theOperatorMakesATenantsFirstAdmin() {
    ProvisionedTenant tenant = STACK.newTenant();
    String withPassword = ConsoleSessions.newEmail();
    String invitedEmail = ConsoleSessions.newEmail();

    ApiClient.Reply active =
        api()
            .post(
                "/v1/admin/tenants/" + tenant.tenantId() + "/users",
                ApiTestStack.OPERATOR_KEY,
                "{\"email\":\""
                    + withPassword
                    + "\",\"password\":\""
                    + ConsoleSessions.PASSWORD
                    + "\"}");
    ApiClient.Reply invited =
        api()
            .post(
                "/v1/admin/tenants/" + tenant.tenantId() + "/users",
                ApiTestStack.OPERATOR_KEY,
                "{\"email\":\"" + invitedEmail + "\",\"name\":\"Ida\"}");

    assertThat(active.status()).as(active.raw().body()).isEqualTo(201);
    assertThat(active.body().path("role").asText()).isEqualTo("admin");
    assertThat(ConsoleSessions.logIn(api(), withPassword).login().body().path("tenantId").asText())
        .isEqualTo(tenant.tenantId().toString());
    assertThat(invited.body().path("status").asText()).isEqualTo("invited");
    assertThat(api().get("/v1/invitations/" + token(invited), null).body().path("role").asText())
        .isEqualTo("admin");
    assertProblem(
        api()
            .post(
                "/v1/admin/tenants/" + tenant.tenantId() + "/users",
                tenant.apiKey(),
                "{\"email\":\"x@example.com\"}"),
        401,
        "unauthorized");
    assertProblem(
        api()
            .post(
                "/v1/admin/tenants/" + java.util.UUID.randomUUID() + "/users",
                ApiTestStack.OPERATOR_KEY,
                "{\"email\":\"y@example.com\"}"),
        404,
        "not-found");
  }
}
