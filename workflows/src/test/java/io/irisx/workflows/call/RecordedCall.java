package io.irisx.workflows.call;

import io.irisx.workflows.webhook.CallEventRecord;
import io.irisx.workflows.webhook.PublishedEvent;
import io.irisx.workflows.webhook.WebhookPublishing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a call workflow records, in memory, for workflow tests. */
class RecordedCall implements CallRecordActivities, NodeDirectoryActivities, WebhookPublishing {
  final List<CallEventRecord> published = new CopyOnWriteArrayList<>();

  @Override
  public PublishedEvent publish(CallEventRecord event) {
    published.add(event);
    return new PublishedEvent(java.util.UUID.randomUUID().toString(), List.of());
  }

  List<String> publishedTypes() {
    return published.stream().map(CallEventRecord::type).toList();
  }

  final List<CallTransition> transitions = new CopyOnWriteArrayList<>();
  final List<CallDetailRecord> cdrs = new CopyOnWriteArrayList<>();
  final List<InboundCallRegistration> inbound = new CopyOnWriteArrayList<>();

  @Override
  public void registerInbound(InboundCallRegistration call) {
    inbound.add(call);
  }

  final List<io.irisx.workflows.call.OutboundCallRestore> restored = new CopyOnWriteArrayList<>();

  /** As after a database that lost its last commits: the call's row is missing until restored. */
  volatile boolean rowLost;

  @Override
  public void recordTransition(CallTransition transition) {
    if (rowLost) {
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "call " + transition.callId() + " not found", CALL_NOT_FOUND);
    }
    transitions.add(transition);
  }

  @Override
  public void restoreOutbound(io.irisx.workflows.call.OutboundCallRestore call) {
    restored.add(call);
    rowLost = false;
  }

  @Override
  public void writeCdr(CallDetailRecord record) {
    if (rowLost) {
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "call " + record.callId() + " not found", CALL_NOT_FOUND);
    }
    cdrs.add(record);
  }

  @Override
  public String pickNode(String callId) {
    return "node-1";
  }

  List<String> timeline() {
    return transitions.stream().map(CallTransition::eventType).toList();
  }
}
