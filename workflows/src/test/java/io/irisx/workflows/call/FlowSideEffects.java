package io.irisx.workflows.call;

import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * What a test's flow hands back to the test, noted once per run: a workflow task the server turns
 * away (a signal arrived while it ran: UnhandledCommand) makes the worker replay the flow from its
 * history, and the flow's code runs again.
 */
final class FlowSideEffects {
  private FlowSideEffects() {}

  static <T> void noteOnce(List<? super T> notes, T value) {
    if (!Workflow.isReplaying()) {
      notes.add(value);
    }
  }
}
