package io.irisx.api.console;

import io.dropwizard.auth.AuthFilter;
import io.irisx.api.auth.AuthenticatedTenant;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;

/**
 * A tenant's request is authenticated by its API key when it has an {@code Authorization} header,
 * otherwise by the console's session cookie when it has one; with neither, the API key's 401 says
 * what is missing. One credential decides: a refused key is never rescued by a cookie.
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyOrSessionFilter extends AuthFilter<String, AuthenticatedTenant> {
  private final AuthFilter<String, AuthenticatedTenant> apiKey;
  private final AuthFilter<String, AuthenticatedTenant> session;

  public ApiKeyOrSessionFilter(
      AuthFilter<String, AuthenticatedTenant> apiKey,
      AuthFilter<String, AuthenticatedTenant> session) {
    this.apiKey = apiKey;
    this.session = session;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    boolean cookieOnly =
        request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
            && SessionCookies.presented(request) != null;
    (cookieOnly ? session : apiKey).filter(request);
  }
}
