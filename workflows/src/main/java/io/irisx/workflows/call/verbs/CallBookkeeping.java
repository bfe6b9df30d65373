package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallRecordActivities;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.NodeDirectoryActivities;
import io.irisx.workflows.call.OutboundCallRestore;
import io.irisx.workflows.webhook.WebhookPublishing;
import io.temporal.workflow.Workflow;

/**
 * The stubs for a call's bookkeeping: picking its node, its timeline and CDR, handing its events to
 * the webhook publisher. Calls started since {@link #CHANGE} run the node pick, the timeline and
 * the CDR as local activities, inside the workflow task that needs them: cheap, idempotent database
 * and Redis steps the call waited for anyway, each of which cost an activity task and a workflow
 * task on the Temporal server, which is what bounds a node's calls per second (docs/operations.md,
 * Figures). Handing an event to the publisher stays a regular activity: a workflow task waits for
 * its local activities, so a local one would hold the call's next command (the prompt after
 * call.answered) until the event was handed over. Calls started before replay with regular
 * activities throughout.
 */
record CallBookkeeping(
    NodeDirectoryActivities nodes, CallRecordActivities records, WebhookPublishing webhooks) {
  static final String CHANGE = "call-local-bookkeeping";

  /** Decided once, at the start of the call, and recorded in its history. */
  static CallBookkeeping forThisCall(CallRequest request) {
    return Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) == 1
        ? local(request)
        : regular();
  }

  /** Until {@link #forThisCall} has run: what every call used before {@link #CHANGE}. */
  static CallBookkeeping regular() {
    return new CallBookkeeping(
        Workflow.newActivityStub(NodeDirectoryActivities.class),
        Workflow.newActivityStub(CallRecordActivities.class),
        Workflow.newActivityStub(WebhookPublishing.class));
  }

  private static CallBookkeeping local(CallRequest request) {
    OutboundCallRestore outbound =
        request.inbound() != null
            ? null
            : new OutboundCallRestore(
                request.callId(),
                request.tenantId(),
                request.from(),
                request.to(),
                request.flow(),
                java.time.Instant.ofEpochMilli(Workflow.getInfo().getRunStartedTimestampMillis()));
    return new CallBookkeeping(
        Workflow.newLocalActivityStub(NodeDirectoryActivities.class),
        new DurableCallRecords(
            Workflow.newLocalActivityStub(CallRecordActivities.class),
            Workflow.newActivityStub(CallRecordActivities.class),
            outbound),
        Workflow.newActivityStub(WebhookPublishing.class));
  }
}
