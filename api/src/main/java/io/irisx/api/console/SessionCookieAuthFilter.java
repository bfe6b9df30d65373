package io.irisx.api.console;

import io.dropwizard.auth.AuthFilter;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Set;

/**
 * Authenticates a request by the console's session cookie, when it carries no {@code Authorization}
 * header (an API key always wins, and a bad key is never rescued by a cookie). Every write so
 * authenticated must carry the session's CSRF token in {@code X-CSRF-Token}, and, when the browser
 * says where the request came from ({@code Origin}), come from this origin: a page of another site
 * can neither read the token nor pass for this origin.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SessionCookieAuthFilter extends AuthFilter<String, AuthenticatedTenant> {
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    String token = SessionCookies.presented(request);
    if (token == null || !authenticate(request, token, "Cookie")) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
    if (SAFE_METHODS.contains(request.getMethod())) {
      return;
    }
    if (!sameOrigin(request)) {
      throw new ProblemException(
          ProblemType.CSRF_REJECTED, "This request came from another site's page: refused.");
    }
    if (!SessionTokens.matches(
        SessionTokens.csrfToken(token), request.getHeaderString(CSRF_HEADER))) {
      throw new ProblemException(
          ProblemType.CSRF_REJECTED,
          "A console write must carry the session's CSRF token in "
              + CSRF_HEADER
              + " (from GET /v1/session).");
    }
  }

  /**
   * No {@code Origin} (not a browser, or an old one: the CSRF token still decides) or this host.
   */
  static boolean sameOrigin(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if (origin == null) {
      return true;
    }
    String host = request.getHeaderString(HttpHeaders.HOST);
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      return host != null && authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** Builds the filter the way Dropwizard's own are built. */
  public static final class Builder
      extends AuthFilterBuilder<String, AuthenticatedTenant, SessionCookieAuthFilter> {
    @Override
    protected SessionCookieAuthFilter newInstance() {
      return new SessionCookieAuthFilter();
    }
  }
}
