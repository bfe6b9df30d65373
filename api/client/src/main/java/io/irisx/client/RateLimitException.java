package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 429: over the key's request rate or the tenant's call limits; see {@link #retryAfter()}. */
public final class RateLimitException extends ClientErrorException {
  RateLimitException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
