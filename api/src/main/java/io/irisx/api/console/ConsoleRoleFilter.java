package io.irisx.api.console;

import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Keeps each console user to the role's rights ({@link ConsoleRole}) on every resource, present and
 * future: a global filter after authentication, like the API keys' scope filter. API keys are not
 * its business.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 10)
public final class ConsoleRoleFilter implements ContainerRequestFilter {
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext() == null
        || !(request.getSecurityContext().getUserPrincipal() instanceof AuthenticatedTenant tenant)
        || tenant.user() == null) {
      return;
    }
    String path = "/" + request.getUriInfo().getPath().replaceAll("^/+", "").replaceAll("/+$", "");
    ConsoleRole role = tenant.user().role();
    boolean read = READS.contains(request.getMethod());
    if (read ? !role.mayRead(path) : !role.mayWrite(path)) {
      throw new ProblemException(
          ProblemType.ROLE_FORBIDDEN,
          "A console "
              + role.wireName()
              + " may not "
              + (read ? "read " : "change ")
              + path
              + ". Ask one of your tenant's admins.");
    }
  }
}
