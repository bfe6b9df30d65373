package io.irisx.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jspecify.annotations.Nullable;

/** Builds {@code application/problem+json} responses. */
final class ProblemResponses {
  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private ProblemResponses() {}

  static Response.ResponseBuilder of(Problem problem) {
    return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
  }

  static Response of(ProblemException exception, @Nullable String instance) {
    Problem problem = exception.type().problem(exception.detail(), instance);
    if (!exception.errors().isEmpty()) {
      problem = problem.withErrors(exception.errors());
    }
    if (exception.callId() != null) {
      problem = problem.withCallId(exception.callId());
    }
    Response.ResponseBuilder response = of(problem);
    exception.headers().forEach(response::header);
    return response.build();
  }

  /** The path of the request the problem is about; null outside a request. */
  static @Nullable String instance(@Nullable UriInfo uriInfo) {
    try {
      return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    } catch (RuntimeException outsideRequestScope) {
      return null;
    }
  }
}
