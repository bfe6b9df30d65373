package io.irisx.client;

import java.time.Duration;

/** A 4xx problem: the request must change before it can succeed (a 429 may be retried later). */
public sealed class ClientErrorException extends ProblemException
    permits BadRequestException,
        AuthenticationException,
        PermissionDeniedException,
        NotFoundException,
        ConflictException,
        UnprocessableEntityException,
        RateLimitException {
  ClientErrorException(Problem problem, Duration retryAfter) {
    super(problem, retryAfter);
  }
}
