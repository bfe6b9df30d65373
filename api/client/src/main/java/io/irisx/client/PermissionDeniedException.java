package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 403: the key's scope (or the user's role) does not allow this. */
public final class PermissionDeniedException extends ClientErrorException {
  PermissionDeniedException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
