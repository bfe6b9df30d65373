package io.irisx.client;

import java.time.Duration;

/** 404: no such resource for this tenant (another tenant's is not found either). */
public final class NotFoundException extends ClientErrorException {
  NotFoundException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
