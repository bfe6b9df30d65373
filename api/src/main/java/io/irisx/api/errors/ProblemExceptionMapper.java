package io.irisx.api.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(ProblemException exception) {
    return ProblemResponses.of(exception, ProblemResponses.instance(uriInfo));
  }
}
