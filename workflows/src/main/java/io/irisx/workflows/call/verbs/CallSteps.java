package io.irisx.workflows.call.verbs;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.CallStepActivities;
import io.irisx.workflows.call.GatherStep;
import io.irisx.workflows.call.OriginateCommand;
import io.irisx.workflows.call.PromptStep;
import io.irisx.workflows.call.StepResult;
import io.irisx.workflows.flow.Gather;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * A call's steps on its node, each one activity that completes when the switch reports its outcome
 * (see {@link CallStepActivities}). What a step saw of the channel is folded into the call's {@link
 * ChannelTracker} when it completes, even when the call stopped waiting for it (a redirect), so no
 * hangup is lost. Workflow code: deterministic.
 */
final class CallSteps {
  /** How long a step that found its channel gone waits for the hangup the bridge may signal. */
  private static final Duration HANGUP_GRACE = Duration.ofSeconds(5);

  private final CallStepActivities node;
  private final ChannelTracker channel;
  private final String callId;
  private final String channelUuid;
  private int sequence;

  CallSteps(String nodeId, String callId, String channelUuid, ChannelTracker channel) {
    this.node =
        Workflow.newActivityStub(
            CallStepActivities.class,
            ActivityOptions.newBuilder().setTaskQueue(TaskQueues.node(nodeId)).build());
    this.callId = callId;
    this.channelUuid = channelUuid;
    this.channel = channel;
  }

  /**
   * The bridge signals a dialled channel's first progress, so that the call says it rings while it
   * rings; calls dialled before waited for the dial step alone.
   */
  static final String RINGING_CHANGE = "dial-signals-ringing";

  /**
   * Dials and folds in how it went; the call has answered or ended when this returns. While it
   * rings, {@code recordPending} records what the signals brought (its ringing) as it comes.
   */
  StepResult originate(OriginateCommand command, Runnable recordPending) {
    Promise<StepResult> dialling = Async.function(node::originate, command);
    if (Workflow.getVersion(RINGING_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      while (!dialling.isCompleted()) {
        recordPending.run();
        Workflow.await(() -> dialling.isCompleted() || channel.hasPendingSteps());
      }
    }
    StepResult result = fold(dialling.get());
    if (!channel.answered() && !channel.ended()) {
      if (result.outcome() == StepResult.Outcome.GONE) {
        channel.channelLost(now());
      } else {
        channel.originateRefused(now(), null, result.detail());
      }
    }
    return result;
  }

  StepResult answer() {
    return settle(fold(node.answer(callId, channelUuid)));
  }

  Promise<StepResult> play(String media) {
    return Async.function(node::play, new PromptStep(channelUuid, nextStepId(), media))
        .thenApply(this::fold);
  }

  Promise<StepResult> gather(Gather gather) {
    long overall = gather.overallTimeout().toMillis();
    return Async.function(
            node::gather,
            new GatherStep(
                channelUuid,
                nextStepId(),
                gather.prompt(),
                gather.maxDigits(),
                gather.terminators(),
                gather.firstDigitTimeout().toMillis(),
                gather.interDigitTimeout().toMillis(),
                overall))
        .thenApply(this::fold);
  }

  StepResult hangup(String cause) {
    return settle(fold(node.hangup(channelUuid, cause)));
  }

  /**
   * After a step that found the channel gone: its hangup may be on its way as a signal (it ended
   * between two steps); if not, the channel ended unseen.
   */
  StepResult settle(StepResult result) {
    if (result.outcome() == StepResult.Outcome.GONE && !channel.ended()) {
      Workflow.await(HANGUP_GRACE, channel::ended);
      channel.channelLost(now());
    }
    return result;
  }

  private StepResult fold(StepResult result) {
    result.events().forEach(channel::apply);
    return result;
  }

  private String nextStepId() {
    return "step-" + ++sequence;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
