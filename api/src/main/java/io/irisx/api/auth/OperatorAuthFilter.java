package io.irisx.api.auth;

import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.MessageDigest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates {@link OperatorOnly} resources by the operator key ({@code Authorization: Bearer
 * <operator key>}): a path of its own, apart from tenant API keys, which never open these
 * resources. The key is compared by its SHA-256 with {@link MessageDigest#isEqual}, so the time
 * taken says nothing about how much of a guess was right, nor about the key's length.
 */
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public final class OperatorAuthFilter implements ContainerRequestFilter {
  static final String REALM = "irisx-operator";
  private static final String PREFIX = "Bearer ";

  private final byte @Nullable [] keyDigest;

  /** Shared with the tenants' keys: a guesser is throttled whichever key it guesses. */
  private final FailedAuthenticationThrottle throttle;

  /** An empty key refuses every request. */
  public OperatorAuthFilter(@Nullable String operatorKey) {
    this(operatorKey, new FailedAuthenticationThrottle(java.time.Clock.systemUTC()));
  }

  public OperatorAuthFilter(@Nullable String operatorKey, FailedAuthenticationThrottle throttle) {
    this.keyDigest =
        operatorKey == null || operatorKey.isEmpty() ? null : ApiKeys.digest(operatorKey);
    this.throttle = throttle;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String address = ClientAddress.of(request);
    java.time.Duration wait = throttle.waitFor(address);
    if (!wait.isZero()) {
      throw BearerKeyFilter.throttled(wait);
    }
    if (keyDigest == null || !matches(header)) {
      throttle.failed(address);
      throw new ProblemException(
              ProblemType.UNAUTHORIZED,
              "The operator key is required: send it as 'Authorization: Bearer <operator key>'.")
          .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
    }
    SecurityContext original = request.getSecurityContext();
    boolean secure = original != null && original.isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          private final Operator operator = new Operator();

          @Override
          public Principal getUserPrincipal() {
            return operator;
          }

          @Override
          public boolean isUserInRole(String role) {
            return false;
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }

  private boolean matches(String header) {
    if (header == null
        || header.length() <= PREFIX.length()
        || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    String presented = header.substring(PREFIX.length()).strip();
    return MessageDigest.isEqual(keyDigest, ApiKeys.digest(presented));
  }
}
