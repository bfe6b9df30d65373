package io.irisx.workflows.flow;

import java.util.Map;
import java.util.function.Supplier;

/**
 * How a jar adds call flows without changing IRISX: implement this, list the class in {@code
 * META-INF/services/io.irisx.workflows.flow.CallFlowProvider}, and put the jar on the class path of
 * the API (which validates flow names) and of every worker (which runs the flows).
 */
public interface CallFlowProvider {

  /** Flow names (lower-case words with dashes) to a factory making one instance per call. */
  Map<String, Supplier<CallFlow>> flows();

  /**
   * The parameters each flow takes, by flow name; the API refuses any other, so a flow not named
   * here takes no params. See docs/call-flows.md.
   */
  default Map<String, FlowParameters> parameters() {
    return Map.of();
  }
}
