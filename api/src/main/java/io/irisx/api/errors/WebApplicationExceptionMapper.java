package io.irisx.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey's own errors (no such resource, wrong media type, method not allowed, ...) as problem
 * documents, keeping the headers Jersey set (such as {@code Allow}).
 */
@Provider
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {
  private static final Logger log = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    String instance = ProblemResponses.instance(uriInfo);
    Problem problem =
        switch (status) {
          case 401 -> ProblemType.UNAUTHORIZED.problem("A valid API key is required.", instance);
          case 404 -> ProblemType.NOT_FOUND.problem("There is nothing at this address.", instance);
          case 415 ->
              ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                  "The request body must be application/json.", instance);
          default -> ProblemType.generic(status, null, instance);
        };
    if (status >= 500) {
      log.error("request to {} failed with {}", instance, status, exception);
    }
    Response.ResponseBuilder response = ProblemResponses.of(problem);
    original
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                  && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> response.header(name, value));
              }
            });
    return response.build();
  }
}
