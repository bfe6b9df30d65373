package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.CallDetailRecord;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallResult;
import io.irisx.workflows.call.CallState;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.ChannelEvent;
import io.irisx.workflows.call.HangupCause;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/**
 * One call from its request to its CDR, over one {@link CallSession} and the verbs that share it.
 * Outbound: take a slot, pick a node, originate, run the flow once answered, hang up, write the
 * CDR. Inbound: the channel is already parked on its node; the flow runs at once and answers it.
 * The call workflow delegates every method of its interface here. Workflow code: deterministic.
 */
public final class CallRun {
  /**
   * Call-control steps that wait on the node for their outcome ({@code CallStepActivities}) instead
   * of signals per channel event and a watchdog; calls started before replay as they ran.
   */
  static final String STEPS_CHANGE = "steps-own-events";

  private final CallSession session = new CallSession();
  private final CallTimeline timeline = new CallTimeline(session);
  private final CallDetails details = new CallDetails(session, timeline);
  private final ChannelWait wait = new ChannelWait(session, timeline);
  private final SlotAdmission admission = new SlotAdmission(session, timeline, details);
  private final CallSetup setup = new CallSetup(session, timeline);
  private final HangupVerb hangup = new HangupVerb(session, timeline, wait);
  private final RecordVerb recorder;
  private final DialVerb dialer;
  private final TransferVerb transfer;
  private final WorkflowCall call;
  private final LiveControl live;

  public CallRun(CallFlows flows) {
    AnswerVerb answer = new AnswerVerb(session, wait);
    PlayVerb play = new PlayVerb(session, timeline, wait, answer);
    GatherVerb gather = new GatherVerb(session, timeline, wait, answer, play);
    recorder = new RecordVerb(session, timeline, wait, answer, play);
    dialer = new DialVerb(session, timeline, details, wait, answer);
    transfer = new TransferVerb(flows, session, timeline);
    call =
        new WorkflowCall(
            session, new CallVerbs(answer, play, gather, recorder, dialer, hangup, details));
    live = new LiveControl(flows, session, timeline, hangup);
  }

  public CallResult run(CallRequest request) {
    session.begin(request);
    timeline.decidePublishing();
    session.decideSteps(Workflow.getVersion(STEPS_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1);
    timeline.index(CallStatus.QUEUED);
    ChannelTracker channel = session.channel();
    Instant startedAt;
    if (request.inbound() == null) {
      timeline.record("call.queued", CallStatus.QUEUED, CallSession.now(), null);
      if (!admission.admitted()) {
        return admission.canceledInQueue();
      }
      startedAt = setup.originate();
      wait.until(() -> channel.answered() || channel.ended());
      if (request.record() && channel.answered() && !channel.ended()) {
        recorder.recordWholeCall();
      }
    } else {
      startedAt = setup.acceptInbound(request.inbound());
    }
    String platformHangupCause = HangupCause.NORMAL_CLEARING.name();
    if (!channel.ended() && !transfer.runFlows(call)) {
      platformHangupCause = HangupCause.NORMAL_TEMPORARY_FAILURE.name();
      if (session.stepsOwnEvents()) {
        channel.flowFailed();
      }
    }
    if (!channel.ended()) {
      hangup.hangUp(platformHangupCause);
    }
    admission.release();
    timeline.flush();
    recorder.uploadWholeCall();
    CallDetailRecord cdr = details.detailRecord(startedAt);
    session.bookkeeping().records().writeCdr(cdr);
    if (cdr.status() != CallStatus.COMPLETED) {
      timeline.publish(WebhookEventTypes.CALL_FAILED, details.cdrData(cdr));
    }
    timeline.publish(WebhookEventTypes.CALL_COMPLETED, details.cdrData(cdr));
    // A recording still uploading keeps the call open: its row must end available or failed.
    recorder.awaitUploads();
    timeline.awaitPublished();
    return new CallResult(
        request.callId(), channel.status(), channel.hangupCause(), details.billSeconds());
  }

  /** A channel event the bridge signalled: a dial leg's, or the call's own channel's. */
  public void onChannelEvent(ChannelEvent event) {
    // A dial's second leg names this call too; its events are the dialer's, not the channel's.
    if (!dialer.apply(event)) {
      session.channel().apply(event);
    }
  }

  public void onSlotGranted() {
    admission.onSlotGranted();
  }

  public CallState state() {
    return session.state();
  }

  /** The API's live control of this call. */
  public LiveControl live() {
    return live;
  }
}
