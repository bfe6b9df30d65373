package io.irisx.client;

import java.time.Duration;

/** 403: the key's scope (or the user's role) does not allow this. */
public final class PermissionDeniedException extends ClientErrorException {
  PermissionDeniedException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
