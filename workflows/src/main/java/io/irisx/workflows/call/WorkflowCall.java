package io.irisx.workflows.call;

import io.irisx.workflows.flow.Call;
import java.util.Map;

/** The {@link Call} handle a flow gets: every method is carried out by the call's workflow. */
final class WorkflowCall implements Call {
  private final CallWorkflowImpl workflow;

  WorkflowCall(CallWorkflowImpl workflow) {
    this.workflow = workflow;
  }

  @Override
  public String callId() {
    return workflow.request().callId();
  }

  @Override
  public String from() {
    return workflow.request().from();
  }

  @Override
  public String to() {
    return workflow.request().to();
  }

  @Override
  public Map<String, Object> params() {
    return workflow.request().params();
  }

  @Override
  public void answer() {
    workflow.answer();
  }

  @Override
  public void play(String media) {
    workflow.play(media);
  }

  @Override
  public void hangup() {
    workflow.hangUp(HangupCause.NORMAL_CLEARING);
  }
}
