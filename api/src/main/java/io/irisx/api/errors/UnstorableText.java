package io.irisx.api.errors;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request whose text PostgreSQL cannot store: U+0000 in a string or a JSON value (SQLSTATE 22021
 * character not in repertoire, 22P05 untranslatable character). The client's input, not our fault:
 * a 422 rather than a 500, wherever in a body or a query the character came.
 */
final class UnstorableText {
  private static final Set<String> STATES = Set.of("22021", "22P05");

  private UnstorableText() {}

  static Optional<Problem> problem(Throwable exception, @Nullable String instance) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
        return Optional.of(
            ProblemType.VALIDATION_ERROR.problem(
                "Text in the request contains a character that cannot be stored (U+0000).",
                instance));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
