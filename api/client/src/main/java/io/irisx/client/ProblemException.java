package io.irisx.client;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with a problem document. Each status has its own subclass ({@link
 * NotFoundException}, {@link UnprocessableEntityException}, ...), under one per status family
 * ({@link ClientErrorException}, {@link ServerErrorException}); {@link #of} picks it.
 */
public abstract sealed class ProblemException extends IrisxException
    permits ClientErrorException, ServerErrorException {
  private final Problem problem;
  private final @Nullable Duration retryAfter;

  ProblemException(Problem problem, @Nullable Duration retryAfter) {
    super(message(problem), null);
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  /** The {@code Retry-After} the API sent with it (429, 503), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The exception for this problem's status. */
  public static ProblemException of(Problem problem, @Nullable Duration retryAfter) {
    return switch (problem.status()) {
      case 400 -> new BadRequestException(problem, retryAfter);
      case 401 -> new AuthenticationException(problem, retryAfter);
      case 403 -> new PermissionDeniedException(problem, retryAfter);
      case 404 -> new NotFoundException(problem, retryAfter);
      case 409 -> new ConflictException(problem, retryAfter);
      case 422 -> new UnprocessableEntityException(problem, retryAfter);
      case 429 -> new RateLimitException(problem, retryAfter);
      case 503 -> new ServiceUnavailableException(problem, retryAfter);
      default ->
          problem.status() >= 500
              ? new ServerErrorException(problem, retryAfter)
              : new ClientErrorException(problem, retryAfter);
    };
  }

  private static String message(Problem problem) {
    return problem.status()
        + " "
        + problem.title()
        + (problem.detail() == null ? "" : ": " + problem.detail());
  }
}
