package io.irisx.api.auth;

import io.dropwizard.auth.AuthFilter;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's API key, from the {@code Authorization: Bearer} header and nowhere else: Dropwizard's
 * OAuth filter also takes {@code ?access_token=}, which puts the key in request logs, proxies' logs
 * and browser histories, so a request carrying one is refused. Refused keys are counted per client
 * address ({@link FailedAuthenticationThrottle}).
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerKeyFilter extends AuthFilter<String, AuthenticatedTenant> {
  static final String QUERY_KEY = "access_token";

  private final FailedAuthenticationThrottle throttle;

  private BearerKeyFilter(FailedAuthenticationThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getQueryParameters().containsKey(QUERY_KEY)) {
      throw new ProblemException(
          ProblemType.UNAUTHORIZED,
          "API keys are accepted only in the Authorization header ('Authorization: Bearer <key>');"
              + " a key sent in the address may have been logged on its way: revoke it.");
    }
    String credential = credential(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (credential == null) {
      // No key is no guess: a 401 that says what is missing, neither counted nor throttled.
      throw unauthorizedHandler.buildException(prefix, realm);
    }
    String address = ClientAddress.of(request);
    Duration wait = throttle.waitFor(address);
    if (!wait.isZero()) {
      throw throttled(wait);
    }
    if (!authenticate(request, credential, prefix)) {
      throttle.failed(address);
      throw unauthorizedHandler.buildException(prefix, realm);
    }
  }

  static ProblemException throttled(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    return new ProblemException(
            ProblemType.AUTHENTICATION_THROTTLED,
            "Too many refused keys from this address; try again in " + seconds + " s.")
        .withHeader("Retry-After", String.valueOf(seconds));
  }

  private @Nullable String credential(@Nullable String header) {
    if (header == null) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space <= 0
        || !header
            .substring(0, space)
            .toLowerCase(Locale.ROOT)
            .equals(prefix.toLowerCase(Locale.ROOT))) {
      return null;
    }
    String credential = header.substring(space + 1).strip();
    return credential.isEmpty() ? null : credential;
  }

  /**
   * Builds the filter; set the authenticator, prefix ("Bearer"), realm and unauthorized handler.
   */
  public static final class Builder
      extends AuthFilterBuilder<String, AuthenticatedTenant, BearerKeyFilter> {
    private final FailedAuthenticationThrottle throttle;

    public Builder(FailedAuthenticationThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    protected BearerKeyFilter newInstance() {
      return new BearerKeyFilter(throttle);
    }
  }
}
