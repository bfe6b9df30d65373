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
  private final Map<String, FlowParameters> parameters;

  private CallFlows(Map<String, Supplier<CallFlow>> flows, Map<String, FlowParameters> parameters) {
    this.flows = Map.copyOf(flows);
    this.parameters = Map.copyOf(parameters);
  }

  /** The flows shipped with IRISX and those provided by jars on the class path. */
  public static CallFlows shipped() {
    CallFlows flows = builtIn();
    for (CallFlowProvider provider : ServiceLoader.load(CallFlowProvider.class)) {
      for (Map.Entry<String, Supplier<CallFlow>> flow : provider.flows().entrySet()) {
        flows =
            flows.with(
                flow.getKey(),
                flow.getValue(),
                provider.parameters().getOrDefault(flow.getKey(), FlowParameters.NONE));
      }
    }
    return flows;
  }

  /** Only the flows IRISX itself ships. */
  public static CallFlows builtIn() {
    return new CallFlows(Map.of(), Map.of())
        .with(HelloFlow.NAME, HelloFlow::new, FlowParameters.NONE)
        .with(ReminderFlow.NAME, ReminderFlow::new, ReminderFlow.PARAMETERS)
        .with(VoicemailFlow.NAME, VoicemailFlow::new, VoicemailFlow.PARAMETERS)
        .with(IvrFlow.NAME, IvrFlow::new, IvrFlow.PARAMETERS)
        .with(ClickToCallFlow.NAME, ClickToCallFlow::new, ClickToCallFlow.PARAMETERS);
  }

  /** These flows and one more that takes no params. */
  public CallFlows with(String name, Supplier<CallFlow> flow) {
    return with(name, flow, FlowParameters.NONE);
  }

  /**
   * These flows and one more, with the parameters it declares (the API refuses any other). A name
   * already taken is refused: a flow must not silently replace another while calls may be running
   * it.
   */
  public CallFlows with(String name, Supplier<CallFlow> flow, FlowParameters declared) {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("flow names are lower-case words with dashes: " + name);
    }
    if (flows.containsKey(name)) {
      throw new IllegalArgumentException("a flow named " + name + " is already registered");
    }
    Map<String, Supplier<CallFlow>> more = new TreeMap<>(flows);
    more.put(name, flow);
    Map<String, FlowParameters> declaredMore = new TreeMap<>(parameters);
    declaredMore.put(name, java.util.Objects.requireNonNull(declared, "declared parameters"));
    return new CallFlows(more, declaredMore);
  }

  /** The parameters the named flow declares; empty when no such flow is registered. */
  public Optional<FlowParameters> parameters(String name) {
    return Optional.ofNullable(name).map(parameters::get);
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
