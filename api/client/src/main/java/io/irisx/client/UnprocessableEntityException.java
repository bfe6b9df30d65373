package io.irisx.client;

import java.time.Duration;

/** 422: the request is invalid; {@link Problem#errors()} names each field. */
public final class UnprocessableEntityException extends ClientErrorException {
  UnprocessableEntityException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
