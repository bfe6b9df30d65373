package io.irisx.api.console;

import io.irisx.db.console.SessionDao;
import io.irisx.db.console.UserDao;
import io.irisx.db.console.UserRow;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Opens a console session for a user who proved who they are: a log-in or an accepted invite. */
public final class SessionStarter {
  private static final int MAX_USER_AGENT_LENGTH = 500;

  private final SessionDao sessions;
  private final UserDao users;
  private final CallerViews callers;
  private final SessionTokens tokens;
  private final SessionCookies cookies;
  private final ConsoleSettings settings;
  private final Clock clock;

  public SessionStarter(
      SessionDao sessions,
      UserDao users,
      CallerViews callers,
      SessionTokens tokens,
      SessionCookies cookies,
      ConsoleSettings settings,
      Clock clock) {
    this.sessions = sessions;
    this.users = users;
    this.callers = callers;
    this.tokens = tokens;
    this.cookies = cookies;
    this.settings = settings;
    this.clock = clock;
  }

  /** {@code 201} with the caller's view and the session cookie. */
  public Response start(UserRow user, ContainerRequestContext request, String clientAddress) {
    String token = tokens.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.sessionLifetime());
    String userAgent = request.getHeaderString("User-Agent");
    if (userAgent != null && userAgent.length() > MAX_USER_AGENT_LENGTH) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT_LENGTH);
    }
    sessions.insert(
        UUID.randomUUID(),
        user.tenantId(),
        user.id(),
        SessionTokens.hash(token),
        clientAddress,
        userAgent,
        expiresAt,
        now);
    users.markLogin(user.id(), now);
    UserRow current = users.find(user.tenantId(), user.id()).orElse(user);
    return Response.status(Response.Status.CREATED)
        .cookie(cookies.issue(request, token, settings.sessionLifetime()))
        .header("Cache-Control", "no-store")
        .entity(callers.session(current, token, expiresAt))
        .build();
  }
}
