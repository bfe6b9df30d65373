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
import java.net.HttpCookie;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in to the console, the session cookie, CSRF, log-out and the session's end. */
class ConsoleLoginTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ApiClient api() {
    return new ApiClient(APP.getLocalPort());
  }

  @Test
  void aLogInSetsAnHttpOnlyStrictCookieThatReadsTheTenantsCalls() {
    ProvisionedTenant tenant = STACK.newTenant();
    String callId =
        api()
            .startCall(tenant.apiKey(), "+15550100", "+15550111", "hello")
            .body()
            .path("id")
            .asText();
    UserRow user = ConsoleSessions.user(STACK, tenant.tenantId(), ConsoleRole.VIEWER);

    ConsoleSessions.Session session = ConsoleSessions.logIn(api(), user.email());

    String setCookie = session.login().header("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    assertThat(setCookie).doesNotContainIgnoringCase("secure");
    assertThat(session.login().header("Cache-Control")).contains("no-store");
    assertThat(session.login().body().path("user").path("role").asText()).isEqualTo("viewer");
    assertThat(session.login().body().path("tenantId").asText())
        .isEqualTo(tenant.tenantId().toString());

    ApiClient.Reply who = session.client(APP.getLocalPort()).get("/v1/session", null);
    assertThat(who.status()).isEqualTo(200);
    assertThat(who.body().path("kind").asText()).isEqualTo("session");
    assertThat(who.body().path("csrfToken").asText()).isEqualTo(session.csrfToken());
    assertThat(who.body().path("user").path("email").asText()).isEqualTo(user.email());
    assertThat(who.body().path("user").has("passwordHash")).isFalse();
    ApiClient.Reply calls = session.client(APP.getLocalPort()).get("/v1/calls", null);
    assertThat(calls.status()).isEqualTo(200);
    assertThat(calls.raw().body()).contains(callId);
  }

  @Test
  void overHttpsTheCookieIsSecure() {
    ProvisionedTenant tenant = STACK.newTenant();
    UserRow user = ConsoleSessions.user(STACK, tenant.tenantId(), ConsoleRole.AGENT);

    ApiClient.Reply reply =
        api()
            .request(
                "POST",
                "/v1/session",
                null,
                "{\"email\":\""
                    + user.email()
                    + "\",\"password\":\""
                    + ConsoleSessions.PASSWORD
                    + "\"}",
                "X-Forwarded-Proto",
                "https");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(HttpCookie.parse(reply.header("Set-Cookie").orElseThrow()).get(0).getSecure())
        .isTrue();
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    ProvisionedTenant tenant = STACK.newTenant();
    UserRow user = ConsoleSessions.user(STACK, tenant.tenantId(), ConsoleRole.ADMIN);

    ApiClient.Reply wrongPassword =
        ConsoleSessions.tryLogIn(api(), user.email(), "not the password at all");
    ApiClient.Reply unknownEmail =
        ConsoleSessions.tryLogIn(api(), ConsoleSessions.newEmail(), ConsoleSessions.PASSWORD);

    assertProblem(wrongPassword, 401, "login-failed");
    assertProblem(unknownEmail, 401, "login-failed");
    assertThat(wrongPassword.body().path("detail")).isEqualTo(unknownEmail.body().path("detail"));
    assertThat(wrongPassword.header("Set-Cookie")).isEmpty();
  }

  @Test
  void anInvitedOrDisabledAccountCannotLogIn() {
    ProvisionedTenant tenant = STACK.newTenant();
    UserRow user = ConsoleSessions.user(STACK, tenant.tenantId(), ConsoleRole.AGENT);
    STACK
        .jdbi()
        .useHandle(h -> h.execute("UPDATE users SET status = 'disabled' WHERE id = ?", user.id()));

    assertProblem(
        ConsoleSessions.tryLogIn(api(), user.email(), ConsoleSessions.PASSWORD),
        401,
        "login-failed");
  }

  @Test
  void everyWriteNeedsTheSessionsCsrfTokenAndThisOrigin() {
    ProvisionedTenant tenant = STACK.newTenant();
    ConsoleSessions.Session session =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.AGENT);
    String contact = "{\"firstName\":\"Ann\"}";

    assertProblem(
        session.clientWithoutCsrf(APP.getLocalPort()).post("/v1/contacts", null, contact),
        403,
        "csrf-rejected");
    ApiClient wrongToken =
        new ApiClient(
            APP.getLocalPort(),
            Map.of("Cookie", session.cookieHeader(), "X-CSRF-Token", session.csrfToken() + "x"));
    assertProblem(wrongToken.post("/v1/contacts", null, contact), 403, "csrf-rejected");
    assertProblem(
        session
            .client(APP.getLocalPort())
            .request("POST", "/v1/contacts", null, contact, "Origin", "https://evil.example"),
        403,
        "csrf-rejected");
    assertThat(STACK.count("SELECT count(*) FROM contacts WHERE tenant_id = ?", tenant.tenantId()))
        .isZero();

    ApiClient.Reply made =
        session
            .client(APP.getLocalPort())
            .request(
                "POST",
                "/v1/contacts",
                null,
                contact,
                "Origin",
                "http://127.0.0.1:" + APP.getLocalPort());
    assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
  }

  @Test
  void aLogInFromAnotherSitesPageIsRefused() {
    UserRow user = ConsoleSessions.user(STACK, STACK.newTenant().tenantId(), ConsoleRole.AGENT);
    ApiClient.Reply reply =
        api()
            .request(
                "POST",
                "/v1/session",
                null,
                "{\"email\":\""
                    + user.email()
                    + "\",\"password\":\""
                    + ConsoleSessions.PASSWORD
                    + "\"}",
                "Origin",
                "https://evil.example");
    assertProblem(reply, 403, "csrf-rejected");
  }

  @Test
  void anAuthorizationHeaderIsNeverRescuedByACookie() {
    ProvisionedTenant tenant = STACK.newTenant();
    ConsoleSessions.Session session =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.ADMIN);

    assertProblem(
        session.client(APP.getLocalPort()).get("/v1/calls", "irx_not_a_real_key_0123456789"),
        401,
        "unauthorized");
  }

  @Test
  void logOutRevokesTheSessionAndClearsTheCookie() {
    ProvisionedTenant tenant = STACK.newTenant();
    ConsoleSessions.Session session =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.VIEWER);
    ApiClient client = session.client(APP.getLocalPort());

    ApiClient.Reply out = client.delete("/v1/session", null);

    assertThat(out.status()).isEqualTo(204);
    assertThat(HttpCookie.parse(out.header("Set-Cookie").orElseThrow()).get(0).getMaxAge())
        .isZero();
    assertProblem(client.get("/v1/session", null), 401, "unauthorized");
    assertProblem(client.get("/v1/calls", null), 401, "unauthorized");
  }

  @Test
  void anIdleOrExpiredSessionEnds() {
    ProvisionedTenant tenant = STACK.newTenant();
    ConsoleSessions.Session idle =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.VIEWER);
    ConsoleSessions.Session expired =
        ConsoleSessions.signedIn(STACK, api(), tenant.tenantId(), ConsoleRole.VIEWER);
    assertThat(idle.client(APP.getLocalPort()).get("/v1/session", null).status()).isEqualTo(200);

    STACK
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "UPDATE sessions SET last_seen_at = now() - interval '121 minutes' WHERE token_hash = ?",
                  SessionTokens.hash(idle.token()));
              h.execute(
                  "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                  SessionTokens.hash(expired.token()));
            });

    assertProblem(idle.client(APP.getLocalPort()).get("/v1/session", null), 401, "unauthorized");
    assertProblem(expired.client(APP.getLocalPort()).get("/v1/session", null), 401, "unauthorized");
  }

  @Test
  void anApiKeyCallerIsDescribedToo() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient.Reply who = api().get("/v1/session", tenant.apiKey());
    assertThat(who.status()).isEqualTo(200);
    assertThat(who.body().path("kind").asText()).isEqualTo("api-key");
    assertThat(who.body().path("scope").asText()).isEqualTo("full");
    assertThat(who.body().path("user").isNull()).isTrue();
  }
}
