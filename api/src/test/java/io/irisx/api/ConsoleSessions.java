package io.irisx.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.console.Accounts;
import io.irisx.api.console.ConsoleSettings;
import io.irisx.api.console.PasswordHasher;
import io.irisx.api.console.SessionTokens;
import io.irisx.db.console.UserDao;
import io.irisx.db.console.UserRow;
import java.net.HttpCookie;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Console accounts and signed-in sessions for tests, made the way the API makes them. */
public final class ConsoleSessions {
  public static final String PASSWORD = "correct horse battery staple";

  /** A signed-in session: its cookie, its CSRF token, and the log-in's answer. */
  public record Session(String token, String csrfToken, ApiClient.Reply login) {
    public String cookieHeader() {
      return "irisx_session=" + token;
    }

    /** A client that sends this session's cookie and CSRF token on every request. */
    public ApiClient client(int port) {
      return new ApiClient(port, Map.of("Cookie", cookieHeader(), "X-CSRF-Token", csrfToken));
    }

    /** A client with the cookie but no CSRF token. */
    public ApiClient clientWithoutCsrf(int port) {
      return new ApiClient(port, Map.of("Cookie", cookieHeader()));
    }
  }

  private ConsoleSessions() {}

  public static String newEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  /** An active account with {@link #PASSWORD}. */
  public static UserRow user(ApiTestStack stack, UUID tenantId, ConsoleRole role) {
    return user(stack, tenantId, role, newEmail());
  }

  public static UserRow user(ApiTestStack stack, UUID tenantId, ConsoleRole role, String email) {
    SecureRandom random = new SecureRandom();
    return new Accounts(
            stack.jdbi().onDemand(UserDao.class),
            new PasswordHasher(random),
            new SessionTokens(random),
            new ConsoleSettings(),
            Clock.systemUTC())
        .createActive(tenantId, email, "Test " + role.wireName(), role, PASSWORD);
  }

  public static ApiClient.Reply tryLogIn(ApiClient api, String email, String password) {
    return api.post(
        "/v1/session", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  public static Session logIn(ApiClient api, String email) {
    ApiClient.Reply reply = tryLogIn(api, email, PASSWORD);
    assertThat(reply.status()).as("log-in: %s", reply.raw().body()).isEqualTo(201);
    String setCookie = reply.header("Set-Cookie").orElseThrow();
    HttpCookie cookie = HttpCookie.parse(setCookie).get(0);
    return new Session(cookie.getValue(), reply.body().path("csrfToken").asText(), reply);
  }

  /** A new account of this role in the tenant, signed in. */
  public static Session signedIn(
      ApiTestStack stack, ApiClient api, UUID tenantId, ConsoleRole role) {
    return logIn(api, user(stack, tenantId, role).email());
  }
}
