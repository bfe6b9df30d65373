package io.irisx.api.console;

import static io.irisx.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.ConsoleSessions;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.db.console.UserRow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed log-ins are throttled per email, for emails with and without an account alike, and per
 * client address; the right password is refused too while throttled.
 */
class LoginThrottleTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(ConfigOverride.config("console.maxFailuresPerAddress", "12"));

  @Test
  void fiveFailuresForAnEmailRefuseTheSixthEvenWithTheRightPassword() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    UserRow known = ConsoleSessions.user(STACK, STACK.newTenant().tenantId(), ConsoleRole.ADMIN);
    String unknown = ConsoleSessions.newEmail();
    for (int i = 0; i < 5; i++) {
      assertProblem(
          ConsoleSessions.tryLogIn(api, known.email(), "wrong password " + i), 401, "login-failed");
      assertProblem(
          ConsoleSessions.tryLogIn(api, unknown, "wrong password " + i), 401, "login-failed");
    }

    ApiClient.Reply throttled =
        ConsoleSessions.tryLogIn(api, known.email(), ConsoleSessions.PASSWORD);
    ApiClient.Reply throttledUnknown =
        ConsoleSessions.tryLogIn(api, unknown, ConsoleSessions.PASSWORD);

    assertProblem(throttled, 429, "login-throttled");
    assertProblem(throttledUnknown, 429, "login-throttled");
    assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow()))
        .isBetween(1L, 15L * 60 + 1);
    assertThat(throttled.header("Set-Cookie")).isEmpty();

    // The window passing lets the right password in again.
    STACK
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE login_failures SET failed_at = failed_at - interval '16 minutes'"));
    assertThat(ConsoleSessions.tryLogIn(api, known.email(), ConsoleSessions.PASSWORD).status())
        .isEqualTo(201);
  }

  @Test
  void oneAddressGuessingManyEmailsIsThrottled() {
    STACK.jdbi().useHandle(h -> h.execute("DELETE FROM login_failures"));
    ApiClient api = new ApiClient(APP.getLocalPort());
    UserRow known = ConsoleSessions.user(STACK, STACK.newTenant().tenantId(), ConsoleRole.VIEWER);
    for (int i = 0; i < 12; i++) {
      assertProblem(
          ConsoleSessions.tryLogIn(api, ConsoleSessions.newEmail(), "guess"), 401, "login-failed");
    }
    assertProblem(
        ConsoleSessions.tryLogIn(api, known.email(), ConsoleSessions.PASSWORD),
        429,
        "login-throttled");
    STACK.jdbi().useHandle(h -> h.execute("DELETE FROM login_failures"));
  }
}
