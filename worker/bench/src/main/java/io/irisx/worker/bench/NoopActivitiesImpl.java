package io.irisx.worker.bench;

import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;

final class NoopActivitiesImpl implements NoopActivities {
  private final WorkflowClient client;

  NoopActivitiesImpl(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void step(boolean signalBack) {
    if (signalBack) {
      String workflowId = Activity.getExecutionContext().getInfo().getWorkflowId();
      client.newUntypedWorkflowStub(workflowId).signal("BenchEvent");
    }
  }
}
