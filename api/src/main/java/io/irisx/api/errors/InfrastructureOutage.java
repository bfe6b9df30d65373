package io.irisx.api.errors;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells an outage of what the API stands on (PostgreSQL, Redis, Temporal) from a bug, by the
 * exception's causes: a connection refused or lost, a timeout, a server shutting down. An outage is
 * a {@code 503 service-unavailable} with {@code Retry-After}, never a 500.
 */
public final class InfrastructureOutage {
  /** Seconds a client is asked to wait: long enough for a failover, short enough to notice. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private InfrastructureOutage() {}

  /** The service that does not answer, if {@code failure} is an outage. */
  public static Optional<String> of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String type = cause.getClass().getName();
      if (type.equals("org.jdbi.v3.core.ConnectionException")
          || cause instanceof java.sql.SQLTransientConnectionException
          || cause instanceof java.sql.SQLNonTransientConnectionException
          || cause instanceof java.sql.SQLRecoverableException
          || cause instanceof java.sql.SQLTimeoutException) {
        return Optional.of("the database");
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P01-03: admin shutdown, crash shutdown, cannot connect now.
        if (state.startsWith("08") || state.startsWith("57P0")) {
          return Optional.of("the database");
        }
      }
      if (type.startsWith("org.redisson.client.RedisConnectionException")
          || type.startsWith("org.redisson.client.RedisTimeoutException")
          || type.equals("org.redisson.client.RedisNodeNotFoundException")) {
        return Optional.of("Redis");
      }
      if (cause instanceof io.grpc.StatusRuntimeException status) {
        io.grpc.Status.Code code = status.getStatus().getCode();
        if (code == io.grpc.Status.Code.UNAVAILABLE
            || code == io.grpc.Status.Code.DEADLINE_EXCEEDED) {
          return Optional.of("Temporal");
        }
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The problem an outage of {@code service} answers. */
  public static ProblemException problem(String service) {
    return new ProblemException(
            ProblemType.SERVICE_UNAVAILABLE,
            "The API cannot reach "
                + service
                + " right now; retry after "
                + RETRY_AFTER_SECONDS
                + " s (with the same Idempotency-Key, a call is made at most once).")
        .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
  }
}
