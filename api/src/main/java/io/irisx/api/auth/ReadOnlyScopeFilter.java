package io.irisx.api.auth;

import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps read-only keys to GET and HEAD on every resource, present and future: a global filter that
 * runs once the API key has been authenticated (authorization comes after authentication).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public final class ReadOnlyScopeFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext() != null
        && request.getSecurityContext().getUserPrincipal() instanceof AuthenticatedTenant tenant
        && !tenant.scope().allows(request.getMethod())) {
      throw new ProblemException(
          ProblemType.INSUFFICIENT_SCOPE,
          "This API key is "
              + tenant.scope().wireName()
              + ": it may only read (GET, HEAD). Use a key with the full scope to "
              + request.getMethod()
              + ".");
    }
  }
}
