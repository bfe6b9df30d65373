package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 422: the request is invalid; {@link Problem#errors()} names each field. */
public final class UnprocessableEntityException extends ClientErrorException {
  UnprocessableEntityException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
