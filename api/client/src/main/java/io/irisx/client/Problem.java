package io.irisx.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document, as the API answers every error: {@code type} names the kind of
 * problem (https://irisx.io/problems/..., or about:blank), {@code errors} lists each offending
 * field of a validation problem.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    List<FieldError> errors) {
  public Problem {
    // A problem without field errors may leave the member out: Jackson hands null.
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One field of a request and what is wrong with it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FieldError(String field, String message) {}
}
