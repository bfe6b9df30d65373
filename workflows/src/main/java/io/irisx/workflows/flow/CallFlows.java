package io.irisx.workflows.flow;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The call flows this deployment knows, by the name the API is given: the shipped ones, plus those
 * of every {@link CallFlowProvider} on the class path (a jar added to the API's and the workers'
 * class path, listed in {@code META-INF/services/io.irisx.workflows.flow.CallFlowProvider}).
 */
public final class CallFlows {
  private final Map<String, Supplier<CallFlow>> flows;

  private CallFlows(Map<String, Supplier<CallFlow>> flows) {
    this.flows = Map.copyOf(flows);
  }

  /** The flows shipped with IRISX and those provided by jars on the class path. */
  public static CallFlows shipped() {
    CallFlows flows = builtIn();
    for (CallFlowProvider provider : ServiceLoader.load(CallFlowProvider.class)) {
      for (Map.Entry<String, Supplier<CallFlow>> flow : provider.flows().entrySet()) {
        flows = flows.with(flow.getKey(), flow.getValue());
      }
    }
    return flows;
  }

  /** Only the flows IRISX itself ships. */
  public static CallFlows builtIn() {
    Map<String, Supplier<CallFlow>> flows = new TreeMap<>();
    flows.put(HelloFlow.NAME, HelloFlow::new);
    flows.put(ReminderFlow.NAME, ReminderFlow::new);
    flows.put(VoicemailFlow.NAME, VoicemailFlow::new);
    flows.put(IvrFlow.NAME, IvrFlow::new);
    flows.put(ClickToCallFlow.NAME, ClickToCallFlow::new);
    return new CallFlows(flows);
  }

  /**
   * These flows and one more. A name already taken is refused: a flow must not silently replace
   * another while calls may be running it.
   */
  public CallFlows with(String name, Supplier<CallFlow> flow) {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("flow names are lower-case words with dashes: " + name);
    }
    if (flows.containsKey(name)) {
      throw new IllegalArgumentException("a flow named " + name + " is already registered");
    }
    Map<String, Supplier<CallFlow>> more = new TreeMap<>(flows);
    more.put(name, flow);
    return new CallFlows(more);
  }

  public boolean contains(String name) {
    return name != null && flows.containsKey(name);
  }

  public Set<String> names() {
    return new TreeSet<>(flows.keySet());
  }

  /** A fresh instance of the named flow (flows may keep per-call state). */
  public Optional<CallFlow> create(String name) {
    return Optional.ofNullable(name).map(flows::get).map(Supplier::get);
  }
}
