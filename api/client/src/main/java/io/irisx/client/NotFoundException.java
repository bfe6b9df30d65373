package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** 404: no such resource for this tenant (another tenant's is not found either). */
public final class NotFoundException extends ClientErrorException {
  NotFoundException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
