package io.irisx.temporal.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether this process should get work: every condition holds and the process is not draining.
 * Liveness is Dropwizard's {@code /healthcheck}; readiness is stricter (a worker is not ready until
 * it polls Temporal and its ESL link is up) and turns false first when the process stops, so a load
 * balancer or Kubernetes stops sending work before anything closes.
 */
public final class Readiness {
  private final Map<String, Supplier<String>> conditions = new LinkedHashMap<>();
  private volatile boolean draining;

  /** {@code problem} answers null when the condition holds, otherwise why it does not. */
  public synchronized Readiness require(String name, Supplier<String> problem) {
    conditions.put(name, problem);
    return this;
  }

  /** From now on the process is not ready, whatever the conditions say. */
  public void drain() {
    draining = true;
  }

  public boolean isDraining() {
    return draining;
  }

  /** What keeps the process from being ready; empty when it is. */
  public synchronized List<String> waitingFor() {
    List<String> problems = new ArrayList<>();
    if (draining) {
      problems.add("shutting down");
    }
    conditions.forEach(
        (name, condition) -> {
          String problem;
          try {
            problem = condition.get();
          } catch (RuntimeException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
          if (problem != null) {
            problems.add(name + ": " + problem);
          }
        });
    return problems;
  }

  public ReadinessServlet servlet() {
    return new ReadinessServlet(this);
  }
}
