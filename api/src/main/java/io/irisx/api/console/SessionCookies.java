package io.irisx.api.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), on the whole origin (the console at {@code /console/} calls the API at {@code
 * /v1/}), and Secure when the request came over https (directly, or through a proxy that says so
 * with {@code X-Forwarded-Proto}) or when configuration asks for it.
 */
public final class SessionCookies {
  public static final String NAME = "irisx_session";

  private final boolean alwaysSecure;

  public SessionCookies(boolean alwaysSecure) {
    this.alwaysSecure = alwaysSecure;
  }

  public NewCookie issue(ContainerRequestContext request, String token, Duration lifetime) {
    return cookie(request, token, (int) lifetime.toSeconds());
  }

  /** A cookie that makes the browser forget the session. */
  public NewCookie clear(ContainerRequestContext request) {
    return cookie(request, "", 0);
  }

  public static @Nullable String presented(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(NAME);
    return cookie == null ? null : cookie.getValue();
  }

  private NewCookie cookie(ContainerRequestContext request, String value, int maxAge) {
    return new NewCookie.Builder(NAME)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(secure(request))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }

  private boolean secure(ContainerRequestContext request) {
    return alwaysSecure
        || (request.getSecurityContext() != null && request.getSecurityContext().isSecure())
        || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"))
        || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
  }
}
