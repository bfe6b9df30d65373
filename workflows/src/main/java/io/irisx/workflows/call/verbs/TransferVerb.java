package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallSearchAttributes;
import io.irisx.workflows.flow.Call;
import io.irisx.workflows.flow.CallFlow;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.CallerHungUpException;
import io.irisx.workflows.flow.FlowTransfer;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * A flow's {@code Call.transfer} and the API's redirect: runs the call's flow, then the flow a
 * transfer or a redirect hands the call to, until one ends without handing it on.
 */
final class TransferVerb {
  private static final Logger log = Workflow.getLogger(TransferVerb.class);

  private final CallFlows flows;
  private final CallSession session;
  private final CallTimeline timeline;

  TransferVerb(CallFlows flows, CallSession session, CallTimeline timeline) {
    this.flows = flows;
    this.session = session;
    this.timeline = timeline;
  }

  /**
   * Runs the call's flow, and the flows a redirect or a transfer hands the call to; false when a
   * step failed for good (the switch refused it, its retries ran out). The call is then still hung
   * up and its CDR written: a failed step must not lose the call.
   */
  boolean runFlows(Call call) {
    ChannelTracker channel = session.channel();
    while (true) {
      if (session.pendingRedirect() != null) {
        switchFlow(
            session.pendingRedirect().flow(),
            session.pendingRedirect().params(),
            "call.redirected");
      }
      Optional<CallFlow> flow = flows.create(session.flowName());
      if (flow.isEmpty()) {
        timeline.step("call.flow-failed", "unknown flow " + session.flowName());
        return false;
      }
      FlowTransfer transfer = null;
      session.flowRunning(true);
      try {
        flow.get().run(call);
      } catch (FlowTransfer requested) {
        transfer = requested;
      } catch (RedirectInterruption redirected) {
        // the loop's top switches to the redirect's flow
      } catch (CallerHungUpException hungUp) {
        log.info("call {}: the caller hung up during the flow", session.request().callId());
        return true;
      } catch (ActivityFailure failure) {
        String reason = CallTimeline.rootMessage(failure);
        log.warn("call {}: the flow stopped: {}", session.request().callId(), reason);
        timeline.step("call.flow-failed", reason);
        return false;
      } finally {
        session.flowRunning(false);
      }
      if (channel.ended()) {
        return true;
      }
      if (session.pendingRedirect() != null) {
        continue;
      }
      if (transfer == null) {
        return true;
      }
      switchFlow(transfer.flow(), transfer.params(), "call.transferred");
    }
  }

  /** The next flow takes over; a prompt the last one left playing stops first. */
  private void switchFlow(String flow, Map<String, Object> params, String eventType) {
    session.switchFlow(flow, params);
    CallSearchAttributes.upsertFlow(flow);
    timeline.step(eventType, flow);
    ChannelTracker channel = session.channel();
    if (channel.answered() && !channel.ended()) {
      session.control().stopPrompt(session.channelUuid());
    }
  }
}
