package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.HangupCause;
import io.irisx.workflows.flow.Call;
import io.irisx.workflows.flow.Dial;
import io.irisx.workflows.flow.DialResult;
import io.irisx.workflows.flow.FlowTransfer;
import io.irisx.workflows.flow.Gather;
import io.irisx.workflows.flow.GatherResult;
import io.irisx.workflows.flow.Record;
import io.irisx.workflows.flow.Recording;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/** The {@link Call} handle a flow gets: each method is one of the call's verbs. */
final class WorkflowCall implements Call {
  private final CallSession session;
  private final CallVerbs verbs;

  WorkflowCall(CallSession session, CallVerbs verbs) {
    this.session = session;
    this.verbs = verbs;
  }

  @Override
  public String callId() {
    return session.request().callId();
  }

  @Override
  public String from() {
    return session.request().from();
  }

  @Override
  public String to() {
    return session.request().to();
  }

  @Override
  public String direction() {
    return session.inbound() ? "inbound" : "outbound";
  }

  @Override
  public Map<String, Object> params() {
    return session.flowParams();
  }

  @Override
  public void answer() {
    verbs.answer().answer();
  }

  @Override
  public void play(String media) {
    verbs.play().play(media);
  }

  @Override
  public GatherResult gather(Gather gather) {
    return verbs.gather().gather(gather);
  }

  @Override
  public Recording record(Record record) {
    return verbs.record().record(record);
  }

  @Override
  public DialResult dial(Dial dial) {
    return verbs.dial().dial(dial);
  }

  @Override
  public void sendDigits(String digits) {
    verbs.answer().answer();
    session.control().sendDigits(session.channelUuid(), digits);
  }

  @Override
  public void pause(Duration duration) {
    session.requireUpAndNotRedirected();
    ChannelTracker channel = session.channel();
    Workflow.await(duration, () -> channel.ended() || session.redirectWaiting());
    session.requireUpAndNotRedirected();
  }

  /** The call's flow loop catches this and runs the next flow ({@link TransferVerb}). */
  @Override
  public void transfer(String flow, Map<String, Object> params) {
    throw new FlowTransfer(flow, params);
  }

  @Override
  public void annotate(String key, Object value) {
    verbs.details().annotate(key, value);
  }

  @Override
  public void hangup() {
    hangup(HangupCause.NORMAL_CLEARING.name());
  }

  @Override
  public void hangup(String cause) {
    verbs.hangup().hangUp(cause);
  }
}
