package io.irisx.workflows.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters one flow declares, registered beside it ({@link CallFlows#with(String,
 * java.util.function.Supplier, FlowParameters)}, {@link CallFlowProvider#parameters()}). A name the
 * flow does not declare is refused, so a flow that declares none takes no params.
 *
 * <pre>{@code
 * FlowParameters.of(
 *     FlowParameter.media("greeting", "played first"),
 *     FlowParameter.integer("maxSeconds", 1, 3600, "the longest message"))
 * }</pre>
 */
public record FlowParameters(List<FlowParameter> parameters) {
  /** A flow that takes no params. */
  public static final FlowParameters NONE = new FlowParameters(List.of());

  public FlowParameters {
    parameters = List.copyOf(parameters);
    Map<String, FlowParameter> byName = new LinkedHashMap<>();
    for (FlowParameter parameter : parameters) {
      if (byName.put(parameter.name(), parameter) != null) {
        throw new IllegalArgumentException("parameter " + parameter.name() + " is declared twice");
      }
    }
  }

  public static FlowParameters of(FlowParameter... parameters) {
    return new FlowParameters(List.of(parameters));
  }

  public Optional<FlowParameter> named(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
