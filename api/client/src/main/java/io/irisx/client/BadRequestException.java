package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 400: malformed JSON or a malformed address. */
public final class BadRequestException extends ClientErrorException {
  BadRequestException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
