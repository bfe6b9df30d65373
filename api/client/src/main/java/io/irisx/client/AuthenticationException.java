package io.irisx.client;

import java.time.Duration;

/** 401: the API key is missing, unknown or revoked. */
public final class AuthenticationException extends ClientErrorException {
  AuthenticationException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
