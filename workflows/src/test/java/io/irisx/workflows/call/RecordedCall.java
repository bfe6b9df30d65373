package io.irisx.workflows.call;

import io.irisx.workflows.activities.CallDetailRecord;
import io.irisx.workflows.activities.CallRecordActivities;
import io.irisx.workflows.activities.CallTransition;
import io.irisx.workflows.activities.InboundCallRegistration;
import io.irisx.workflows.activities.NodeDirectoryActivities;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a call workflow records, in memory, for workflow tests. */
final class RecordedCall implements CallRecordActivities, NodeDirectoryActivities {
  final List<CallTransition> transitions = new CopyOnWriteArrayList<>();
  final List<CallDetailRecord> cdrs = new CopyOnWriteArrayList<>();
  final List<InboundCallRegistration> inbound = new CopyOnWriteArrayList<>();

  @Override
  public void registerInbound(InboundCallRegistration call) {
    inbound.add(call);
  }

  @Override
  public void recordTransition(CallTransition transition) {
    transitions.add(transition);
  }

  @Override
  public void writeCdr(CallDetailRecord record) {
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
