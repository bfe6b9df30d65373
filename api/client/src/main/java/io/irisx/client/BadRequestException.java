package io.irisx.client;

import java.time.Duration;

/** 400: malformed JSON or a malformed address. */
public final class BadRequestException extends ClientErrorException {
  BadRequestException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
