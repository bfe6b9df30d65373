package io.irisx.api.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outage of the database, Redis or Temporal is a 503 with {@code Retry-After} ({@link
 * InfrastructureOutage}). Anything else is our fault: a 500 problem that tells the client only an
 * error id, and the log line with the same id and the stack trace.
 */
@Provider
public final class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger log = LoggerFactory.getLogger(UnhandledExceptionMapper.class);

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable exception) {
    String instance = ProblemResponses.instance(uriInfo);
    var outage = InfrastructureOutage.of(exception);
    if (outage.isPresent()) {
      log.warn(
          "{} does not answer while serving {}: {}", outage.get(), instance, exception.toString());
      return ProblemResponses.of(InfrastructureOutage.problem(outage.get()), instance);
    }
    Optional<Problem> unstorable = UnstorableText.problem(exception, instance);
    if (unstorable.isPresent()) {
      return ProblemResponses.of(unstorable.get()).build();
    }
    String errorId = UUID.randomUUID().toString();
    log.error("error {} while serving {}", errorId, instance, exception);
    return ProblemResponses.of(
            ProblemType.generic(
                500, "An unexpected error occurred (error id " + errorId + ").", instance))
        .build();
  }
}
