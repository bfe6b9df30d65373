package io.irisx.workflows.call;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One phone call, from the API's request (or the switch's parked inbound call) to the written CDR.
 * Workflow id: {@code call-<callId>}. Channel events arrive as signals; the API steers a live call
 * with updates, each validated against the call's state before it is accepted.
 */
@WorkflowInterface
public interface CallWorkflow {

  @WorkflowMethod(name = "Call")
  CallResult run(CallRequest request);

  @SignalMethod(name = "channelEvent")
  void onChannelEvent(ChannelEvent event);

  /** Sent by the tenant's call queue: a queued call may go now. */
  @SignalMethod(name = "slotGranted")
  void onSlotGranted();

  @QueryMethod(name = "state")
  CallState state();

  @UpdateMethod(name = "hangup")
  CallState hangup(CallCommands.Hangup command);

  @UpdateValidatorMethod(updateName = "hangup")
  void validateHangup(CallCommands.Hangup command);

  @UpdateMethod(name = "play")
  CallState play(CallCommands.Play command);

  @UpdateValidatorMethod(updateName = "play")
  void validatePlay(CallCommands.Play command);

  @UpdateMethod(name = "sendDigits")
  CallState sendDigits(CallCommands.SendDigits command);

  @UpdateValidatorMethod(updateName = "sendDigits")
  void validateSendDigits(CallCommands.SendDigits command);

  @UpdateMethod(name = "redirect")
  CallState redirect(CallCommands.Redirect command);

  @UpdateValidatorMethod(updateName = "redirect")
  void validateRedirect(CallCommands.Redirect command);
}
