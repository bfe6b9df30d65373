package io.irisx.api.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Ends a request with a problem document; {@link ProblemExceptionMapper} writes it. */
public final class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final String detail;
  private final List<FieldError> errors;
  private final Map<String, String> headers;
  private final @Nullable String callId;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of(), Map.of(), null, null);
  }

  private ProblemException(
      ProblemType type,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers,
      @Nullable Throwable cause,
      @Nullable String callId) {
    super(type.name() + ": " + detail, cause, false, false);
    this.type = type;
    this.detail = detail;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
    this.callId = callId;
  }

  public static ProblemException validation(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? "The field " + errors.get(0).field() + " " + errors.get(0).message() + "."
            : errors.size() + " fields are missing or malformed; see errors.";
    return new ProblemException(ProblemType.VALIDATION_ERROR, detail, errors, Map.of(), null, null);
  }

  public static ProblemException validation(String field, String message) {
    return validation(List.of(new FieldError(field, message)));
  }

  public ProblemException withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ProblemException(type, detail, errors, more, getCause(), callId);
  }

  public ProblemException causedBy(@Nullable Throwable cause) {
    return new ProblemException(type, detail, errors, headers, cause, callId);
  }

  /** The call the problem is about, for a client that must look it up. */
  public ProblemException aboutCall(String id) {
    return new ProblemException(type, detail, errors, headers, getCause(), id);
  }

  /** The call the problem is about, or null. */
  public @Nullable String callId() {
    return callId;
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return detail;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
