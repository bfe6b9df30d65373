package io.irisx.workflows.call.verbs;

/**
 * {@code Call.hangup}, the API's hangup and the platform's own at the end of the flow: hangs the
 * channel up with a Q.850 cause and waits until the switch says it ended.
 */
final class HangupVerb {
  private final CallSession session;
  private final CallTimeline timeline;
  private final ChannelWait wait;

  HangupVerb(CallSession session, CallTimeline timeline, ChannelWait wait) {
    this.session = session;
    this.timeline = timeline;
    this.wait = wait;
  }

  void hangUp(String cause) {
    ChannelTracker channel = session.channel();
    if (channel.ended()) {
      return;
    }
    channel.hangupRequested(cause);
    if (session.steps() != null) {
      session.steps().hangup(cause);
      if (!channel.ended()) {
        channel.channelLost(CallSession.now());
      }
      timeline.flush();
      return;
    }
    session.control().hangup(session.channelUuid(), cause);
    wait.until(channel::ended);
  }
}
