package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.ChannelSnapshot;
import io.irisx.workflows.call.StepResult;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How a call waits for its channel. Calls whose steps own their events wait for the step, a signal
 * or a redirect; calls of the older shape also wake after a quiet watchdog period and ask the
 * switch about the channel, so a call whose events were lost still ends. Workflow code.
 */
final class ChannelWait {
  private final CallSession session;
  private final CallTimeline timeline;

  ChannelWait(CallSession session, CallTimeline timeline) {
    this.session = session;
    this.timeline = timeline;
  }

  void until(BooleanSupplier done) {
    until(done, snapshot -> {});
  }

  /**
   * Waits until {@code done}, recording timeline steps as they come. After a quiet watchdog period
   * it inspects the channel: gone means the call ended unseen; otherwise {@code onAlive} decides.
   */
  void until(BooleanSupplier done, Consumer<ChannelSnapshot> onAlive) {
    ChannelTracker channel = session.channel();
    while (session.steps() != null) {
      // No watchdog: the node reconciler signals a channel that vanished.
      timeline.flush();
      if (done.getAsBoolean()) {
        return;
      }
      Workflow.await(
          () -> done.getAsBoolean() || channel.hasPendingSteps() || session.redirectWaiting());
      session.stopIfRedirected();
    }
    Duration watchdog = session.watchdog();
    while (true) {
      timeline.flush();
      if (done.getAsBoolean()) {
        return;
      }
      boolean woken =
          Workflow.await(
              watchdog,
              () -> done.getAsBoolean() || channel.hasPendingSteps() || session.redirectWaiting());
      session.stopIfRedirected();
      if (!woken && session.channelUuid() != null) {
        ChannelSnapshot snapshot = session.control().inspect(session.channelUuid());
        if (!snapshot.exists()) {
          channel.channelLost(CallSession.now());
        } else {
          onAlive.accept(snapshot);
        }
      }
    }
  }

  /**
   * Waits for a step on the node; a redirect stops the flow at once (the step's prompt is stopped
   * by the flow that takes over, and what the step saw is still folded in when it completes).
   */
  StepResult step(Promise<StepResult> step) {
    Workflow.await(() -> step.isCompleted() || session.redirectWaiting());
    session.stopIfRedirected();
    return step.get();
  }

  /** Asks the switch whether the channel still exists; a vanished channel ends the call. */
  void checkChannelStillThere() {
    String channelUuid = session.channelUuid();
    ChannelTracker channel = session.channel();
    if (channelUuid != null
        && !channel.ended()
        && !session.control().inspect(channelUuid).exists()) {
      channel.channelLost(CallSession.now());
    }
  }
}
