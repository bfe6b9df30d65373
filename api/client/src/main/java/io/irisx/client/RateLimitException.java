package io.irisx.client;

import java.time.Duration;

/** 429: over the key's request rate or the tenant's call limits; see {@link #retryAfter()}. */
public final class RateLimitException extends ClientErrorException {
  RateLimitException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
