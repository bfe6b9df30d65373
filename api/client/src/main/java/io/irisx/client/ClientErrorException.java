package io.irisx.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A 4xx problem: the request must change before it can succeed (a 429 may be retried later). */
public sealed class ClientErrorException extends ProblemException
    permits BadRequestException,
        AuthenticationException,
        PermissionDeniedException,
        NotFoundException,
        ConflictException,
        UnprocessableEntityException,
        RateLimitException {
  ClientErrorException(Problem problem, @Nullable Duration retryAfter) {
    super(problem, retryAfter);
  }
}
