package io.irisx.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.auth.ConsoleUser;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.idempotency.SecretFields;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.console.SessionDao;
import io.irisx.db.console.UserDao;
import io.irisx.db.console.UserRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/session}: the console's log-in ({@code POST}, email and password), who the caller is
 * ({@code GET}, for a session or an API key), and the log-out ({@code DELETE}, which revokes the
 * session). A failed log-in says only that the email or the password is wrong, whichever it was,
 * and takes as long either way; too many failures are throttled (see {@link LoginThrottle}).
 */
@Path("/v1/session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
  private static final String FAILED =
      "The email or the password is wrong (or the account is not active).";

  private final UserDao users;
  private final SessionDao sessions;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SessionStarter starter;
  private final CallerViews callers;
  private final SessionCookies cookies;
  private final Clock clock;

  public SessionResource(
      UserDao users,
      SessionDao sessions,
      PasswordHasher hasher,
      LoginThrottle throttle,
      SessionStarter starter,
      CallerViews callers,
      SessionCookies cookies,
      Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.throttle = throttle;
    this.starter = starter;
    this.callers = callers;
    this.cookies = cookies;
    this.clock = clock;
  }

  @POST
  @SecretFields("csrfToken")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response logIn(
      JsonNode body,
      @Context ContainerRequestContext request,
      @Context HttpServletRequest servletRequest) {
    if (!SessionCookieAuthFilter.sameOrigin(request)) {
      throw new ProblemException(
          ProblemType.CSRF_REJECTED, "A log-in from another site's page is refused.");
    }
    RequestFields fields = RequestFields.of(body, Set.of("email", "password"));
    String email = fields.text("email", true, Accounts.MAX_EMAIL_LENGTH);
    String password = fields.text("password", true, Accounts.MAX_PASSWORD_LENGTH);
    fields.check();
    email = RequestFields.present(email);
    password = RequestFields.present(password);
    String address = servletRequest.getRemoteAddr();
    Optional<Duration> wait = throttle.retryAfter(email, address);
    if (wait.isPresent()) {
      throw new ProblemException(
              ProblemType.LOGIN_THROTTLED,
              "Too many failed log-ins for this email or from this address; try again in "
                  + wait.get().toSeconds()
                  + " seconds.")
          .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()));
    }
    Optional<UserRow> user = users.findForLogin(email.strip());
    // An active account has a password; one without is refused as an unknown one.
    String passwordHash =
        user.filter(row -> UserRow.ACTIVE.equals(row.status()))
            .map(UserRow::passwordHash)
            .orElse(null);
    boolean verified =
        passwordHash != null ? hasher.verify(password, passwordHash) : spendVerification(password);
    if (!verified) {
      throttle.failed(email, address);
      throw new ProblemException(ProblemType.LOGIN_FAILED, FAILED);
    }
    throttle.succeeded(email);
    return starter.start(user.get(), request, address);
  }

  private boolean spendVerification(String password) {
    hasher.verifyNothing(password);
    return false;
  }

  @GET
  public Response who(@Auth AuthenticatedTenant caller, @Context ContainerRequestContext request) {
    CallerView view;
    ConsoleUser consoleUser = caller.user();
    if (consoleUser != null) {
      UserRow user =
          users
              .find(caller.tenantId(), consoleUser.userId())
              .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, FAILED));
      String sessionToken =
          Objects.requireNonNull(
              SessionCookies.presented(request), "a console user came with its session cookie");
      view = callers.session(user, sessionToken, consoleUser.sessionExpiresAt());
    } else {
      view = callers.apiKey(caller);
    }
    return Response.ok(view).header("Cache-Control", "no-store").build();
  }

  @DELETE
  public Response logOut(
      @Auth AuthenticatedTenant caller, @Context ContainerRequestContext request) {
    ConsoleUser consoleUser = caller.user();
    if (consoleUser == null) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "This request carries an API key, not a console session.");
    }
    sessions.revoke(caller.tenantId(), consoleUser.sessionId(), clock.instant());
    return Response.noContent().cookie(cookies.clear(request)).build();
  }
}
