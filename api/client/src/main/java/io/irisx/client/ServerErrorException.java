package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A 5xx problem: the request may succeed when retried. */
public sealed class ServerErrorException extends ProblemException
    permits ServiceUnavailableException {
  ServerErrorException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
