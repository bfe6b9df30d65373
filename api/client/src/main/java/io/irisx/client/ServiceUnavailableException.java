package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 503: a dependency of the API is unavailable; see {@link #retryAfter()}. */
public final class ServiceUnavailableException extends ServerErrorException {
  ServiceUnavailableException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
