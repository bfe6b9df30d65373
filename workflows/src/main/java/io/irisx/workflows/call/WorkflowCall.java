package io.irisx.workflows.call;

import io.irisx.workflows.flow.Call;
import io.irisx.workflows.flow.FlowTransfer;
import io.irisx.workflows.flow.Gather;
import io.irisx.workflows.flow.GatherResult;
import io.irisx.workflows.flow.Record;
import io.irisx.workflows.flow.Recording;
import java.time.Duration;
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
  public String direction() {
    return workflow.request().inbound() == null ? "outbound" : "inbound";
  }

  @Override
  public Map<String, Object> params() {
    return workflow.flowParams();
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
  public GatherResult gather(Gather gather) {
    return workflow.gather(gather);
  }

  @Override
  public Recording record(Record record) {
    return workflow.recordCaller(record);
  }

  @Override
  public io.irisx.workflows.flow.DialResult dial(io.irisx.workflows.flow.Dial dial) {
    return workflow.dial(dial);
  }

  @Override
  public void sendDigits(String digits) {
    workflow.sendDigits(digits);
  }

  @Override
  public void pause(Duration duration) {
    workflow.pause(duration);
  }

  @Override
  public void transfer(String flow, Map<String, Object> params) {
    throw new FlowTransfer(flow, params);
  }

  @Override
  public void annotate(String key, Object value) {
    workflow.annotate(key, value);
  }

  @Override
  public void hangup() {
    hangup(HangupCause.NORMAL_CLEARING.name());
  }

  @Override
  public void hangup(String cause) {
    workflow.hangUp(cause);
  }
}
