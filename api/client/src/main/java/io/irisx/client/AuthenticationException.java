package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 401: the API key is missing, unknown or revoked. */
public final class AuthenticationException extends ClientErrorException {
  AuthenticationException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
