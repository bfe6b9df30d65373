package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.irisx.api.errors.FieldError;
import io.irisx.workflows.call.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/calls}. {@code queue}: false asks for 429 rather than a queued call
 * when the tenant is at its call limits (absent or true: the call waits for a slot). Fields it does
 * not know are collected rather than dropped, so a misspelt optional field ({@code parms}) is
 * reported instead of silently ignored.
 */
public record StartCallBody(
    String from,
    String to,
    String flow,
    @Nullable Map<String, Object> params,
    @Nullable String webhookUrl,
    @Nullable Boolean record,
    @Nullable Boolean queue,
    @JsonAnySetter Map<String, Object> unknownFields) {

  public StartCallBody {
    unknownFields = unknownFields == null ? Map.of() : unknownFields;
  }

  public StartCallBody(String from, String to, String flow, @Nullable Map<String, Object> params) {
    this(from, to, flow, params, null, null, null, Map.of());
  }

  /** {@code "record": true} records the whole call, from answer to hangup. */
  public boolean recordsWholeCall() {
    return Boolean.TRUE.equals(record);
  }

  /** Strict E.164: a plus, a non-zero first digit, 2 to 15 digits in all; nothing else. */
  static final int MAX_FLOW_NAME_LENGTH = 100;

  /** What is missing or malformed, field by field; empty when the body is well formed. */
  public List<FieldError> problems() {
    List<FieldError> problems = new ArrayList<>();
    checkNumber("from", from, problems);
    checkNumber("to", to, problems);
    if (flow == null || flow.isBlank()) {
      problems.add(new FieldError("flow", "is required"));
    } else if (flow.length() > MAX_FLOW_NAME_LENGTH) {
      problems.add(
          new FieldError("flow", "is longer than " + MAX_FLOW_NAME_LENGTH + " characters"));
    }
    if (webhookUrl != null && !isHttpUrl(webhookUrl)) {
      problems.add(
          new FieldError(
              "webhookUrl", "must be an absolute http(s) URL of at most 2048 characters"));
    }
    unknownFields.keySet().stream()
        .sorted()
        .limit(10)
        .forEach(name -> problems.add(new FieldError(name, "is not a known field")));
    return problems;
  }

  /**
   * The shape only; the address rules (https, no private addresses) are applied when it is used.
   */
  private static boolean isHttpUrl(String url) {
    if (url.length() > 2048) {
      return false;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      return uri.isAbsolute()
          && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static void checkNumber(String field, @Nullable String value, List<FieldError> problems) {
    if (value == null || value.isEmpty()) {
      problems.add(new FieldError(field, "is required"));
    } else if (!PhoneNumber.isE164(value)) {
      problems.add(
          new FieldError(
              field, "must be an E.164 number: '+' then 2 to 15 digits, the first not 0"));
    }
  }
}
