package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallSearchAttributes;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.CallTransition;
import io.irisx.workflows.webhook.CallEventRecord;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * A call's timeline ({@code call_logs}), the status operators search by, and the webhook events it
 * publishes, in order, without holding the call up. Workflow code: deterministic.
 */
final class CallTimeline {
  private static final Logger log = Workflow.getLogger(CallTimeline.class);

  /** Calls started before webhooks existed replay without publishing (see {@link #publish}). */
  static final String WEBHOOKS_CHANGE = "publish-webhooks";

  private final CallSession session;
  private boolean publishesWebhooks;
  private int timelineSequence;
  private long webhookSequence;

  /** The status operators can search by (CallStatus); upserted only when it changes. */
  private CallStatus indexedStatus;

  /** Events are handed over one after another, in order, without holding the call up. */
  private Promise<Void> publishing = Workflow.newPromise(null);

  CallTimeline(CallSession session) {
    this.session = session;
  }

  /** Decided once, at the start of the call, and recorded in its history. */
  void decidePublishing() {
    publishesWebhooks = Workflow.getVersion(WEBHOOKS_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  /** Every search attribute of the call, with its first status. */
  void index(CallStatus status) {
    CallSearchAttributes.upsert(session.request(), status);
    indexedStatus = status;
  }

  /** A step of the call's timeline with the channel's current status, now. */
  void step(String eventType, String detail) {
    record(eventType, session.channel().status(), CallSession.now(), detail);
  }

  /** Records what the channel's events brought since the last time, in their order. */
  void flush() {
    ChannelTracker channel = session.channel();
    for (ChannelTracker.Step step = channel.nextPendingStep();
        step != null;
        step = channel.nextPendingStep()) {
      record(step.eventType(), step.status(), step.occurredAt(), step.detail());
    }
  }

  void record(String eventType, CallStatus status, Instant at, String detail) {
    CallRequest request = session.request();
    session
        .bookkeeping()
        .records()
        .recordTransition(
            new CallTransition(
                request.callId(),
                request.tenantId(),
                ++timelineSequence,
                eventType,
                status,
                at,
                session.nodeId(),
                session.channelUuid(),
                detail));
    if (status != null && status != indexedStatus) {
      CallSearchAttributes.upsertStatus(status);
      indexedStatus = status;
    }
    switch (eventType) {
      case "call.originated" -> publish(WebhookEventTypes.CALL_INITIATED, callData());
      case "call.ringing" -> publish(WebhookEventTypes.CALL_RINGING, callData());
      case "call.answered" -> publish(WebhookEventTypes.CALL_ANSWERED, callData());
      default -> {
        // the other steps are the timeline's, not events of the webhook API
      }
    }
  }

  /**
   * Hands an event to the webhook publisher, after the ones before it. A publish that fails for
   * good (a malformed event) is logged, never allowed to fail the call.
   */
  void publish(String type, Map<String, Object> data) {
    if (!publishesWebhooks) {
      return;
    }
    CallRequest request = session.request();
    CallEventRecord event =
        new CallEventRecord(
            request.tenantId(),
            request.callId(),
            ++webhookSequence,
            type,
            CallSession.now(),
            data,
            request.webhookUrl());
    publishing =
        publishing.thenCompose(
            previous ->
                Async.function(session.bookkeeping().webhooks()::publish, event)
                    .<Void>handle(
                        (published, failure) -> {
                          if (failure != null) {
                            log.warn(
                                "call {}: {} not published: {}",
                                request.callId(),
                                type,
                                rootMessage(failure));
                          }
                          return null;
                        }));
  }

  /** Blocks until every event published so far has been handed over. */
  void awaitPublished() {
    publishing.get();
  }

  /** What every event of the call says about it. */
  Map<String, Object> callData() {
    CallRequest request = session.request();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("direction", request.inbound() == null ? "outbound" : "inbound");
    data.put("from", request.from());
    data.put("to", request.to());
    data.put("flow", session.flowName());
    data.values().removeIf(Objects::isNull);
    return data;
  }

  /** The innermost message of a failure, as the timeline and the logs tell it. */
  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
