package io.irisx.api.console;

import io.dropwizard.auth.Authenticator;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.auth.ConsoleUser;
import io.irisx.db.console.SessionDao;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A session token is a console user's credential while its session is live (see {@link
 * SessionDao#findLive}); checked against the database on every request, so a revoked session, a
 * disabled user or a changed role takes effect at once.
 */
public final class SessionAuthenticator implements Authenticator<String, AuthenticatedTenant> {
  /** How often a session's last activity is written: not on every request. */
  private static final String TOUCH_RESOLUTION = "60 seconds";

  private final SessionDao sessions;
  private final ConsoleSettings settings;
  private final Clock clock;

  public SessionAuthenticator(SessionDao sessions, ConsoleSettings settings, Clock clock) {
    this.sessions = sessions;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Optional<AuthenticatedTenant> authenticate(String token) {
    if (!SessionTokens.looksLikeToken(token)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return sessions
        .findLive(SessionTokens.hash(token), now, now.minus(settings.idleTimeout()))
        .flatMap(
            live -> {
              // An unknown role in the database is a bug; no role is the safe reading.
              Optional<ConsoleRole> role = ConsoleRole.fromWireName(live.role());
              if (role.isEmpty()) {
                return Optional.empty();
              }
              sessions.touch(live.sessionId(), now, TOUCH_RESOLUTION);
              ConsoleUser user =
                  new ConsoleUser(
                      live.userId(),
                      live.sessionId(),
                      live.email(),
                      live.name(),
                      role.get(),
                      live.expiresAt());
              return Optional.of(AuthenticatedTenant.of(user, live.tenantId()));
            });
  }
}
