package io.irisx.workflows.flow;

/** Reading a flow's JSON parameters, with the defaults a flow documents. */
final class FlowParams {
  private FlowParams() {}

  /** The parameter as text when it is a non-blank string, otherwise the default. */
  static String text(Call call, String name, String fallback) {
    Object value = call.params().get(name);
    return value instanceof String text && !text.isBlank() ? text : fallback;
  }

  /** The parameter as a whole number within {@code min..max}, otherwise the default. */
  static int number(Call call, String name, int fallback, int min, int max) {
    Object value = call.params().get(name);
    if (value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && number.longValue() >= min
        && number.longValue() <= max) {
      return number.intValue();
    }
    return fallback;
  }
}
