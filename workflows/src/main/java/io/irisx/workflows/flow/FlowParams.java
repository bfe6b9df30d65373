package io.irisx.workflows.flow;

import io.irisx.workflows.call.PhoneNumber;
import java.util.Map;
import java.util.Optional;

/** Reading a flow's JSON parameters, with the defaults a flow documents. */
final class FlowParams {
  private FlowParams() {}

  /** The parameter as text when it is a non-blank string, otherwise the default. */
  static String text(Call call, String name, String fallback) {
    return text(call.params(), name, fallback);
  }

  static String text(Map<String, Object> params, String name, String fallback) {
    Object value = params.get(name);
    return value instanceof String text && !text.isBlank() ? text : fallback;
  }

  /** A whole number between {@code min} and {@code max}, otherwise the default. */
  static int integer(Call call, String name, int fallback, int min, int max) {
    Object value = call.params().get(name);
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      long whole = number.longValue();
      return whole >= min && whole <= max ? (int) whole : fallback;
    }
    return fallback;
  }

  /** A strict E.164 number, if the parameter is one. */
  static Optional<String> number(Map<String, Object> params, String name) {
    Object value = params.get(name);
    return value instanceof String text && PhoneNumber.isE164(text)
        ? Optional.of(text)
        : Optional.empty();
  }

  /** A JSON object parameter, if the parameter is one (keys are always text in JSON). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> params, String name) {
    Object value = params.get(name);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
