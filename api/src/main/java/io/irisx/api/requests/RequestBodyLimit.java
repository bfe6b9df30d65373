package io.irisx.api.requests;

import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body over {@link #MAX_BODY_BYTES} is a {@code 413 request-too-large} problem naming the
 * limit, whatever the route, before anything reads it: refused by its {@code Content-Length}, or,
 * sent without one (chunked), once one byte more than the limit has arrived.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestBodyLimit implements ContainerRequestFilter {
  /** 1 MiB: far above any body the API takes (a call's params are 16 KiB at most). */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return;
    }
    if (request.getLength() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (request.getLength() < 0) {
      InputStream in = request.getEntityStream();
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      request.setEntityStream(new ByteArrayInputStream(body));
    }
  }

  public static ProblemException tooLarge() {
    return new ProblemException(
        ProblemType.REQUEST_TOO_LARGE,
        "The request body is larger than the limit of "
            + MAX_BODY_BYTES
            + " bytes (1 MiB); a call's params have their own limit of "
            + FlowParamsLimit.MAX_PARAMS_BYTES
            + " bytes of JSON.");
  }
}
