package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Call-control steps that own their events, on the node's task queue: each sends its command and
 * completes when the switch reports the outcome, so the call's workflow is woken once per step
 * instead of once per channel event. The events the step saw that the call's record needs
 * (progress, answer, hangup) come back in its {@link StepResult}. A retried step first asks the
 * switch what became of it (the channel, a channel variable naming the step) before acting again,
 * so nothing is dialled or played twice.
 */
@ActivityInterface
public interface CallStepActivities {

  /**
   * Dials and waits until the far end answers or the call fails (busy, no answer, refused, ...).
   */
  @ActivityMethod(name = ActivityCatalogue.DIAL_CALL)
  StepResult originate(OriginateCommand command);

  /** Answers an inbound channel and waits for the switch to say it is answered. */
  @ActivityMethod(name = ActivityCatalogue.ANSWER_CALL)
  StepResult answer(String callId, String channelUuid);

  /** Plays one prompt and waits for its end, its failure, or the caller's hangup. */
  @ActivityMethod(name = ActivityCatalogue.PLAY_PROMPT)
  StepResult play(PromptStep step);

  /** One gather attempt: its prompt (cut short by the first key), then the caller's digits. */
  @ActivityMethod(name = ActivityCatalogue.GATHER_DIGITS)
  StepResult gather(GatherStep step);

  /** Hangs up and waits for the switch's CHANNEL_HANGUP_COMPLETE. */
  @ActivityMethod(name = ActivityCatalogue.HANG_UP_CALL)
  StepResult hangup(String channelUuid, String cause);
}
