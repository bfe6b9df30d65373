package io.irisx.worker.bench;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The engine's share of a call, without IRISX: as many no-op activities and signals as a real call
 * of the scenario has (counted from that call's history), on the same Temporal. Its throughput is
 * what the bench divides IRISX's by.
 */
@WorkflowInterface
public interface BaselineWorkflow {
  @WorkflowMethod(name = "BenchBaseline")
  void run(BaselineShape shape);

  /** What a channel event is to a call: sent by a no-op activity, as the ESL bridge would. */
  @SignalMethod(name = "BenchEvent")
  void event();
}
