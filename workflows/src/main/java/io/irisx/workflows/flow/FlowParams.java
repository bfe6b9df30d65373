package io.irisx.workflows.flow;

/** Reading a flow's JSON parameters, with the defaults a flow documents. */
final class FlowParams {
  private FlowParams() {}

  /** The parameter as text when it is a non-blank string, otherwise the default. */
  static String text(Call call, String name, String fallback) {
    Object value = call.params().get(name);
    return value instanceof String text && !text.isBlank() ? text : fallback;
  }
}
