package io.irisx.workflows.call.verbs;

/**
 * {@code Call.answer}: answers the channel unless it is answered already. Every verb that needs an
 * answered call (a prompt, a gather, a recording, a dial) answers through this first.
 */
final class AnswerVerb {
  private final CallSession session;
  private final ChannelWait wait;

  AnswerVerb(CallSession session, ChannelWait wait) {
    this.session = session;
    this.wait = wait;
  }

  void answer() {
    session.requireUpAndNotRedirected();
    ChannelTracker channel = session.channel();
    if (channel.answered()) {
      return;
    }
    if (session.steps() != null) {
      session.steps().answer();
      session.requireUp();
      return;
    }
    session.control().answer(session.channelUuid());
    wait.until(
        () -> channel.answered() || channel.ended(),
        snapshot -> {
          if (snapshot.answered()) {
            channel.answeredUnseen(CallSession.now());
          }
        });
    session.requireUp();
  }
}
