package io.irisx.workflows.call;

import io.irisx.workflows.call.verbs.CallRun;
import io.irisx.workflows.flow.CallFlows;

/**
 * One call, carried out by its verbs ({@link io.irisx.workflows.call.verbs}): this class only hands
 * each method of the workflow's interface to the call's {@link CallRun}.
 */
public final class CallWorkflowImpl implements CallWorkflow {
  private final CallRun call;

  public CallWorkflowImpl() {
    this(CallFlows.shipped());
  }

  public CallWorkflowImpl(CallFlows flows) {
    this.call = new CallRun(flows);
  }

  @Override
  public CallResult run(CallRequest request) {
    return call.run(request);
  }

  @Override
  public void onChannelEvent(ChannelEvent event) {
    call.onChannelEvent(event);
  }

  @Override
  public void onSlotGranted() {
    call.onSlotGranted();
  }

  @Override
  public CallState state() {
    return call.state();
  }

  @Override
  public void validateHangup(CallCommands.Hangup command) {
    call.live().validateHangup(command);
  }

  @Override
  public CallState hangup(CallCommands.Hangup command) {
    return call.live().hangup(command);
  }

  @Override
  public void validatePlay(CallCommands.Play command) {
    call.live().validatePlay(command);
  }

  @Override
  public CallState play(CallCommands.Play command) {
    return call.live().play(command);
  }

  @Override
  public void validateSendDigits(CallCommands.SendDigits command) {
    call.live().validateSendDigits(command);
  }

  @Override
  public CallState sendDigits(CallCommands.SendDigits command) {
    return call.live().sendDigits(command);
  }

  @Override
  public void validateRedirect(CallCommands.Redirect command) {
    call.live().validateRedirect(command);
  }

  @Override
  public CallState redirect(CallCommands.Redirect command) {
    return call.live().redirect(command);
  }
}
