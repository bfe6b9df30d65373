package io.irisx.api.auth;

import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A missing or refused key: the 401 {@code unauthorized} problem with a Bearer challenge. */
public final class ProblemUnauthorizedHandler implements io.dropwizard.auth.UnauthorizedHandler {
  static final String DETAIL =
      "A valid API key is required: send it as 'Authorization: Bearer <key>'.";

  @Override
  public Response buildResponse(String prefix, String realm) {
    // Only reached if Dropwizard asks for a response rather than an exception.
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge(prefix, realm))
        .build();
  }

  @Override
  public RuntimeException buildException(String prefix, String realm) {
    return new ProblemException(ProblemType.UNAUTHORIZED, DETAIL)
        .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(prefix, realm));
  }

  private static String challenge(String prefix, String realm) {
    return prefix + " realm=\"" + realm + "\"";
  }
}
