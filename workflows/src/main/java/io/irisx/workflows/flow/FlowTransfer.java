package io.irisx.workflows.flow;

import java.util.Map;

/**
 * Thrown by {@link Call#transfer} to leave the running flow; the call workflow catches it and
 * starts the named flow. A flow must let it pass (do not catch {@code RuntimeException} broadly).
 */
public final class FlowTransfer extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String flow;
  private final transient Map<String, Object> params;

  public FlowTransfer(String flow, Map<String, Object> params) {
    super("transfer to flow " + flow, null, false, false);
    this.flow = flow;
    this.params = params == null ? Map.of() : Map.copyOf(params);
  }

  public String flow() {
    return flow;
  }

  public Map<String, Object> params() {
    return params;
  }
}
