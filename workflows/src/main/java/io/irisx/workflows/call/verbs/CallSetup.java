package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.InboundCallRegistration;
import io.irisx.workflows.call.InboundLeg;
import io.irisx.workflows.call.OriginateCommand;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * How a call gets its channel: an outbound call picks a node and dials; an inbound one takes over
 * the channel its node's dialplan parked. Either way the call's steps go to that node from then on.
 */
final class CallSetup {
  private static final Logger log = Workflow.getLogger(CallSetup.class);

  private final CallSession session;
  private final CallTimeline timeline;

  CallSetup(CallSession session, CallTimeline timeline) {
    this.session = session;
    this.timeline = timeline;
  }

  /** Dials the call's far end; returns when it was sent (older shape) or answered or ended. */
  Instant originate() {
    CallRequest request = session.request();
    String nodeId = session.bookkeeping().nodes().pickNode(request.callId());
    // Chosen here, deterministically, so a retried originate finds the channel it already made.
    session.onNode(nodeId, Workflow.randomUUID().toString());
    Instant at = CallSession.now();
    if (session.stepsOwnEvents()) {
      return originateOwningEvents(at);
    }
    try {
      session.control().originate(command());
      timeline.record("call.originated", CallStatus.QUEUED, at, "node " + nodeId);
    } catch (ActivityFailure failure) {
      refused(failure);
    }
    return at;
  }

  private Instant originateOwningEvents(Instant at) {
    session.ownEventsOnNode();
    timeline.record("call.originated", CallStatus.QUEUED, at, "node " + session.nodeId());
    try {
      session.steps().originate(command(), timeline::flush);
    } catch (ActivityFailure failure) {
      refused(failure);
    }
    return at;
  }

  private OriginateCommand command() {
    CallRequest request = session.request();
    return new OriginateCommand(
        request.callId(),
        session.channelUuid(),
        request.from(),
        request.to(),
        request.ringTimeoutSeconds());
  }

  private void refused(ActivityFailure failure) {
    log.warn("originate failed for call {}", session.request().callId(), failure);
    session.channel().originateRefused(CallSession.now(), null, CallTimeline.rootMessage(failure));
  }

  /** Takes over a channel the node's dialplan parked: the call row first, then the flow. */
  Instant acceptInbound(InboundLeg leg) {
    session.onNode(leg.nodeId(), leg.channelUuid());
    if (session.stepsOwnEvents()) {
      session.ownEventsOnNode();
    }
    CallRequest request = session.request();
    Instant arrivedAt =
        leg.parkedAtMicros() > 0
            ? Instant.EPOCH.plusNanos(leg.parkedAtMicros() * 1_000L)
            : CallSession.now();
    session
        .bookkeeping()
        .records()
        .registerInbound(
            new InboundCallRegistration(
                request.callId(),
                request.tenantId(),
                request.from(),
                request.to(),
                request.flow(),
                leg.phoneNumberId(),
                session.nodeId(),
                session.channelUuid(),
                arrivedAt,
                leg.callerRaw() == null ? request.from() : leg.callerRaw()));
    timeline.publish(WebhookEventTypes.CALL_INITIATED, timeline.callData());
    session.channel().arrived(arrivedAt);
    return arrivedAt;
  }
}
