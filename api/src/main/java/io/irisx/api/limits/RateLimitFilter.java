package io.irisx.api.limits;

import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every request made with an API key counts against that key's rate, on every resource present and
 * future: once the key is known (after authentication), before anything else is done for it. Over
 * the rate: {@code 429 rate-limited} with {@code Retry-After}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
public final class RateLimitFilter implements ContainerRequestFilter {
  private final KeyRateLimiter limiter;
  private final int requestsPerSecond;

  public RateLimitFilter(KeyRateLimiter limiter, int requestsPerSecond) {
    this.limiter = limiter;
    this.requestsPerSecond = requestsPerSecond;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext() == null
        || !(request.getSecurityContext().getUserPrincipal()
            instanceof AuthenticatedTenant tenant)) {
      return;
    }
    switch (limiter.decide(tenant.apiKeyId())) {
      case ALLOWED -> {}
      case LIMITED ->
          throw new ProblemException(
                  ProblemType.RATE_LIMITED,
                  "This API key may make "
                      + requestsPerSecond
                      + " requests a second; retry after the time in Retry-After.")
              .withHeader(HttpHeaders.RETRY_AFTER, "1");
      case UNAVAILABLE ->
          throw new ProblemException(
                  ProblemType.RATE_LIMITER_UNAVAILABLE,
                  "The rate limiter cannot be reached, so no request is taken; retry shortly.")
              .withHeader(
                  HttpHeaders.RETRY_AFTER,
                  String.valueOf(KeyRateLimiter.REDIS_RETRY_AFTER.toSeconds()));
    }
  }
}
