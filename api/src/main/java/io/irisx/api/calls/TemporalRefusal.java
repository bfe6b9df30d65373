package io.irisx.api.calls;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a request Temporal refuses (a payload over its blob size limit, a message over the gRPC
 * limit, an argument it does not take) from a Temporal that does not answer: the first can never
 * succeed on a retry (422), the second can (503 with Retry-After).
 */
final class TemporalRefusal {
  private TemporalRefusal() {}

  /** Why Temporal refused the request, if it did; empty for an outage or anything else. */
  static Optional<String> of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        Status.Code code = status.getStatus().getCode();
        String description = status.getStatus().getDescription();
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (code == Status.Code.INVALID_ARGUMENT) {
          return Optional.of("invalid argument: " + shorten(description));
        }
        // RESOURCE_EXHAUSTED is also a rate limit, which a retry does get past.
        if (code == Status.Code.RESOURCE_EXHAUSTED
            && (text.contains("size") || text.contains("too large") || text.contains("exceeds"))) {
          return Optional.of("too large: " + shorten(description));
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String shorten(String text) {
    if (text == null) {
      return "no reason given";
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
