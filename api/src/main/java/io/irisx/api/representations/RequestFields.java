package io.irisx.api.representations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.api.errors.FieldError;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.workflows.call.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON request body field by field, collecting every wrong field before answering, so one
 * {@code validation-error} lists them all. A field it was not told about is an error, so a misspelt
 * optional field is reported rather than silently ignored. {@link #has} tells an absent field from
 * one set to null (what PATCH needs).
 */
public final class RequestFields {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_UNKNOWN_REPORTED = 10;

  private final JsonNode body;
  private final List<FieldError> errors = new ArrayList<>();

  private RequestFields(JsonNode body) {
    this.body = body;
  }

  /** The body's fields; refuses an empty body, a body that is not an object, and unknown fields. */
  public static RequestFields of(JsonNode body, Set<String> knownFields) {
    if (body == null || body.isMissingNode() || body.isNull()) {
      throw new ProblemException(
          ProblemType.MALFORMED_JSON, "The request body is empty; expected a JSON object.");
    }
    if (!body.isObject()) {
      throw ProblemException.validation("(body)", "must be a JSON object");
    }
    RequestFields fields = new RequestFields(body);
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!knownFields.contains(name)) {
                unknown.add(name);
              }
            });
    unknown.stream()
        .sorted()
        .limit(MAX_UNKNOWN_REPORTED)
        .forEach(name -> fields.errors.add(new FieldError(name, "is not a known field")));
    return fields;
  }

  public boolean has(String field) {
    return body.has(field);
  }

  public void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** A string of at most {@code maxLength} characters; null when absent or null. */
  public @Nullable String text(String field, boolean required, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      error(field, "must be a string");
      return null;
    }
    String text = value.asText();
    if (required && text.isBlank()) {
      error(field, "is required");
      return null;
    }
    // Characters as JSON Schema's maxLength counts them (code points), not UTF-16 units.
    if (text.codePointCount(0, text.length()) > maxLength) {
      error(field, "is longer than " + maxLength + " characters");
      return null;
    }
    return text;
  }

  /** A whole number from {@code min} to {@code max}; null when absent or null. */
  public @Nullable Integer integer(String field, int min, int max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!isWhole(value)
        || !value.canConvertToInt()
        || value.intValue() < min
        || value.intValue() > max) {
      error(field, "must be a whole number from " + min + " to " + max);
      return null;
    }
    return value.intValue();
  }

  /** A whole number by its value, as JSON Schema's integer is: 3 and 3.0 alike, not 3.5. */
  public static boolean isWhole(JsonNode value) {
    return value.isIntegralNumber()
        || (value.isFloatingPointNumber()
            && Double.isFinite(value.doubleValue())
            && value.decimalValue().stripTrailingZeros().scale() <= 0);
  }

  /** A strict E.164 number; null when absent or null. */
  public @Nullable String e164(String field, boolean required) {
    String number = text(field, required, 16);
    if (number != null && !PhoneNumber.isE164(number)) {
      error(field, "must be an E.164 number: '+' then 2 to 15 digits, the first not 0");
      return null;
    }
    return number;
  }

  /** A JSON object of at most {@code maxBytes} as JSON text; empty when absent or null. */
  public Map<String, Object> object(String field, int maxBytes) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      error(field, "must be a JSON object");
      return Map.of();
    }
    if (value.toString().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      error(field, "is larger than " + maxBytes + " bytes of JSON");
      return Map.of();
    }
    return JSON.convertValue(value, new TypeReference<Map<String, Object>>() {});
  }

  /** An array of strings; empty when absent or null. */
  public List<String> strings(String field, int maxItems, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      error(field, "must be an array of strings");
      return List.of();
    }
    if (value.size() > maxItems) {
      error(field, "has more than " + maxItems + " items");
      return List.of();
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()
          || item.asText().isBlank()
          || item.asText().codePoints().count() > maxLength) {
        error(
            field + "[" + i + "]",
            "must be a non-empty string of at most " + maxLength + " characters");
      } else {
        strings.add(item.asText());
      }
    }
    return List.copyOf(strings);
  }

  /**
   * A value read as required, once {@link #check()} has passed: a required field absent or
   * malformed has failed the check, so here it is present.
   */
  public static <T> T present(@Nullable T value) {
    return Objects.requireNonNull(value, "a required field passed the check without a value");
  }

  /** Throws the {@code validation-error} problem if any field was wrong. */
  public void check() {
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
  }
}
