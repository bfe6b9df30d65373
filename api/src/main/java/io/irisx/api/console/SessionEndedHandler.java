package io.irisx.api.console;

import io.dropwizard.auth.UnauthorizedHandler;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A session cookie that is no longer good: the 401 {@code unauthorized} problem, saying so. */
public final class SessionEndedHandler implements UnauthorizedHandler {
  static final String DETAIL =
      "The console session has ended (signed out, expired, idle too long or revoked): log in again.";

  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .build();
  }

  @Override
  public RuntimeException buildException(String prefix, String realm) {
    return new ProblemException(ProblemType.UNAUTHORIZED, DETAIL)
        .withHeader(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"");
  }
}
