package io.irisx.client;

import java.time.Duration;

/** 503: a dependency of the API is unavailable; see {@link #retryAfter()}. */
public final class ServiceUnavailableException extends ServerErrorException {
  ServiceUnavailableException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
