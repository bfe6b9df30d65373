package io.irisx.workflows.flow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The call flows this deployment knows, by the name the API is given. */
public final class CallFlows {
  private final Map<String, Supplier<CallFlow>> flows;

  private CallFlows(Map<String, Supplier<CallFlow>> flows) {
    this.flows = Map.copyOf(flows);
  }

  /** The flows shipped with IRISX. */
  public static CallFlows shipped() {
    Map<String, Supplier<CallFlow>> flows = new TreeMap<>();
    flows.put(HelloFlow.NAME, HelloFlow::new);
    return new CallFlows(flows);
  }

  public boolean contains(String name) {
    return name != null && flows.containsKey(name);
  }

  public Set<String> names() {
    return new java.util.TreeSet<>(flows.keySet());
  }

  /** A fresh instance of the named flow (flows may keep per-call state). */
  public Optional<CallFlow> create(String name) {
    return Optional.ofNullable(flows.get(name)).map(Supplier::get);
  }
}
