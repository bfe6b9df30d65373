package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallDetailRecord;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.HangupCause;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A call's detail record (CDR): built from what the switch said of the channel and what the flows
 * noted, and told to webhooks. Workflow code: deterministic.
 */
final class CallDetails {
  private final CallSession session;
  private final CallTimeline timeline;

  /** What the flows noted for the CDR, in key order so the record is the same on every replay. */
  private final Map<String, Object> flowMetadata = new TreeMap<>();

  CallDetails(CallSession session, CallTimeline timeline) {
    this.session = session;
    this.timeline = timeline;
  }

  /** A flow's note for the CDR ({@code Call.annotate}). */
  void annotate(String key, Object value) {
    if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("metadata keys are 1..64 letters, digits, _ . -: " + key);
    }
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new IllegalArgumentException("metadata values are text, numbers or booleans: " + key);
    }
    flowMetadata.put(key, value);
  }

  /**
   * The record of a call that had a channel (or tried to), from {@code originatedAt} to its end.
   */
  CallDetailRecord detailRecord(Instant originatedAt) {
    ChannelTracker channel = session.channel();
    CallRequest request = session.request();
    Instant endedAt = channel.endedAt() == null ? CallSession.now() : channel.endedAt();
    return new CallDetailRecord(
        request.callId(),
        request.tenantId(),
        channel.status(),
        session.nodeId(),
        session.channelUuid(),
        channel.ringingAt(),
        channel.answeredAt(),
        endedAt,
        Math.max(0, Duration.between(originatedAt, endedAt).toSeconds()),
        billSeconds(),
        channel.hangupCause(),
        HangupCause.q850(channel.hangupCause()).orElse(null),
        flowMetadata.isEmpty() ? null : Map.copyOf(flowMetadata),
        channel.sipCode(),
        channel.hungUpBy(request.inbound() != null));
  }

  /** The record of a call that never got a slot: canceled at {@code endedAt}, never dialled. */
  CallDetailRecord canceledInQueue(Instant endedAt, String reason) {
    CallRequest request = session.request();
    Instant queuedAt = Instant.ofEpochMilli(Workflow.getInfo().getRunStartedTimestampMillis());
    return new CallDetailRecord(
        request.callId(),
        request.tenantId(),
        CallStatus.CANCELED,
        null,
        null,
        null,
        null,
        endedAt,
        Math.max(0, Duration.between(queuedAt, endedAt).toSeconds()),
        0,
        null,
        null,
        Map.of("irisx.cancelReason", reason),
        null,
        null);
  }

  /** The CDR as webhook data; a field the call never had (no answer, no cause) is left out. */
  Map<String, Object> cdrData(CallDetailRecord cdr) {
    Map<String, Object> data = timeline.callData();
    data.put("status", cdr.status().wireName());
    data.put("nodeId", cdr.nodeId());
    data.put("ringingAt", cdr.ringingAt());
    data.put("answeredAt", cdr.answeredAt());
    data.put("endedAt", cdr.endedAt());
    data.put("durationSeconds", cdr.durationSeconds());
    data.put("billSeconds", cdr.billSeconds());
    data.put("hangupCause", cdr.hangupCause());
    data.put("hangupCauseCode", cdr.hangupCauseCode());
    data.put("sipCode", cdr.sipCode());
    data.put("hungUpBy", cdr.hungUpBy());
    data.put("metadata", cdr.metadata() == null ? Map.of() : cdr.metadata());
    data.replaceAll((key, value) -> value instanceof Instant at ? at.toString() : value);
    data.values().removeIf(Objects::isNull);
    return data;
  }

  /** Seconds from answer to hangup; 0 for a call never answered. */
  long billSeconds() {
    ChannelTracker channel = session.channel();
    if (channel.answeredAt() == null || channel.endedAt() == null) {
      return 0;
    }
    return Math.max(0, Duration.between(channel.answeredAt(), channel.endedAt()).toSeconds());
  }
}
