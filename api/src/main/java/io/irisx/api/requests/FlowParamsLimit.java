package io.irisx.api.requests;

/**
 * How large a flow's {@code params} may be, as JSON text: they travel in the call's workflow
 * history, on every start, number and redirect, so they stay small (docs/call-flows.md).
 */
public final class FlowParamsLimit {
  private FlowParamsLimit() {}

  public static final int MAX_PARAMS_BYTES = 16 * 1024;
}
