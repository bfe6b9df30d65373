package io.irisx.client;

import java.time.Duration;

/** A 5xx problem: the request may succeed when retried. */
public sealed class ServerErrorException extends ProblemException
    permits ServiceUnavailableException {
  ServerErrorException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
