/**
 * The call workflow's verbs, over one per-call state object. {@link
 * io.irisx.workflows.call.verbs.CallRun} takes a call from its request to its CDR; the verbs share
 * its {@code CallSession} (request, node, channel, what the switch said of the channel, the flow
 * running, a redirect waiting), and each verb is one class that owns its options, its waiting and
 * its end: {@code AnswerVerb}, {@code PlayVerb}, {@code GatherVerb}, {@code RecordVerb}, {@code
 * DialVerb}, {@code HangupVerb}, {@code TransferVerb}. {@code CallTimeline} records the timeline
 * and publishes webhook events, {@code CallDetails} builds the CDR. No verb calls back into the
 * class that made it: each gets what it uses through its constructor. Workflow code throughout:
 * deterministic, and every change to the commands a history holds goes behind {@code
 * Workflow.getVersion}.
 */
package io.irisx.workflows.call.verbs;
