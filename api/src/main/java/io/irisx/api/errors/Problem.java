package io.irisx.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document. {@code errors} (validation problems only) lists each offending
 * field and what is wrong with it; {@code callId} (an extension member) names the call a problem is
 * about when that call may exist though the request failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "callId"})
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    @Nullable List<FieldError> errors,
    @Nullable String callId) {

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), callId);
  }

  public Problem withCallId(String id) {
    return new Problem(type, title, status, detail, instance, errors, id);
  }
}
