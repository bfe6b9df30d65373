package io.irisx.worker.bridge;

import io.irisx.activities.esl.ChannelWaiters;
import io.irisx.activities.esl.LinkReconciliation;
import io.irisx.activities.esl.SwitchEvent;
import io.irisx.activities.esl.SwitchEventListener;
import io.irisx.temporal.LogContext;
import io.irisx.worker.inbound.InboundCallRouter;
import io.irisx.worker.inbound.ParkedCall;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the switch's channel events to call workflows as {@code channelEvent} signals, and hands
 * calls the dialplan parked for IRISX to the inbound router. The ESL connection hands events over
 * in order per channel, and a signal is durable once sent, so the workflow sees each channel's
 * events in the order the switch fired them.
 */
public final class EslEventBridge implements SwitchEventListener {
  private static final Logger log = LoggerFactory.getLogger(EslEventBridge.class);

  private final WorkflowClient client;
  private final InboundCallRouter inbound;
  private final ChannelEventMapper mapper = new ChannelEventMapper();
  private final ChannelWaiters waiters;

  /**
   * @param waiters the steps waiting on the node's channels: each event goes to them first, and
   *     what they take is not signalled
   */
  public EslEventBridge(WorkflowClient client, InboundCallRouter inbound, ChannelWaiters waiters) {
    this.client = client;
    this.inbound = inbound;
    this.waiters = waiters;
  }

  @Override
  public void onEvent(SwitchEvent event) {
    Optional<ParkedCall> parked = mapper.parkedInbound(event);
    if (parked.isPresent()) {
      inbound.route(parked.get());
      return;
    }
    boolean taken = waiters.offer(event);
    mapper.map(event, taken).ifPresent(this::signal);
  }

  /**
   * The vanished channels' synthetic hangups come through {@link #onEvent}; the steps waiting on
   * the channels still up are told, as an event that would end one may have been lost.
   */
  @Override
  public void onLinkRestored(LinkReconciliation reconciliation) {
    waiters.linkRestored();
    if (!reconciliation.vanished().isEmpty()) {
      log.warn(
          "after the ESL reconnect {} of {} channel(s) had vanished; their calls end as NORMAL_TEMPORARY_FAILURE: {}",
          reconciliation.vanished().size(),
          reconciliation.believedAlive().size(),
          reconciliation.vanished());
    }
  }

  private void signal(ChannelEventMapper.CallSignal signal) {
    // The channel carries the call id, not the tenant: lines here name the call only.
    try (LogContext.Scope ignored = LogContext.forCall(signal.callId(), null)) {
      deliver(signal);
    }
  }

  private void deliver(ChannelEventMapper.CallSignal signal) {
    String workflowId = CallRequest.workflowId(signal.callId());
    try {
      client.newWorkflowStub(CallWorkflow.class, workflowId).onChannelEvent(signal.event());
    } catch (WorkflowNotFoundException finished) {
      // Late events (e.g. CHANNEL_HANGUP_COMPLETE after a failed originate ended the call) are
      // moot.
      log.debug("dropped {} for {}: the workflow has finished", signal.event().type(), workflowId);
    } catch (RuntimeException e) {
      log.warn("could not signal {} to {}", signal.event().type(), workflowId, e);
    }
  }
}
