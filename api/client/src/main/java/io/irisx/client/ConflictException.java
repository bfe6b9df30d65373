package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 409: taken, not possible in the current state, or the same Idempotency-Key still in progress. */
public final class ConflictException extends ClientErrorException {
  ConflictException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
