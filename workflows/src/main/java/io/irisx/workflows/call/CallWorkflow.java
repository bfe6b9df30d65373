package io.irisx.workflows.call;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One phone call, from the API's request to the written CDR. Workflow id: {@code call-<callId>}. */
@WorkflowInterface
public interface CallWorkflow {

  @WorkflowMethod(name = "Call")
  CallResult run(CallRequest request);

  @SignalMethod(name = "channelEvent")
  void onChannelEvent(ChannelEvent event);

  @QueryMethod(name = "state")
  CallState state();
}
