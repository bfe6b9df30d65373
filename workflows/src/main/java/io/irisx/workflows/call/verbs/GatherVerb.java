package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.StepResult;
import io.irisx.workflows.flow.Gather;
import io.irisx.workflows.flow.GatherResult;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/**
 * {@code Call.gather}: a prompt cut short by the caller's first key, then the caller's digits, for
 * up to {@code attempts} tries; the accepted digits go to webhooks, never into the timeline.
 */
final class GatherVerb {
  private final CallSession session;
  private final CallTimeline timeline;
  private final ChannelWait wait;
  private final AnswerVerb answer;
  private final PlayVerb play;

  GatherVerb(
      CallSession session,
      CallTimeline timeline,
      ChannelWait wait,
      AnswerVerb answer,
      PlayVerb play) {
    this.session = session;
    this.timeline = timeline;
    this.wait = wait;
    this.answer = answer;
    this.play = play;
  }

  GatherResult gather(Gather gather) {
    answer.answer();
    ChannelTracker channel = session.channel();
    GatherResult.Ending ending = GatherResult.Ending.TIMEOUT;
    for (int attempt = 1; attempt <= gather.attempts(); attempt++) {
      String input;
      CallSteps steps = session.steps();
      if (steps != null) {
        session.promptPlaying(gather.prompt() != null);
        StepResult gathered;
        try {
          gathered = steps.settle(wait.step(steps.gather(gather)));
        } finally {
          session.promptPlaying(false);
        }
        session.requireUp();
        if (gathered.detail() != null) {
          timeline.step("call.media-failed", gathered.detail());
        }
        input = gathered.digits() == null ? "" : gathered.digits();
        ending = gathered.ending() == null ? GatherResult.Ending.TIMEOUT : gathered.ending();
      } else {
        channel.forgetTypedDigits();
        long deadline = Workflow.currentTimeMillis() + gather.overallTimeout().toMillis();
        if (gather.prompt() != null) {
          promptUntilFirstDigit(gather.prompt());
        }
        StringBuilder typed = new StringBuilder();
        ending = collectDigits(gather, typed, deadline);
        input = typed.toString();
      }
      // The digits themselves stay out of the timeline: they may be a PIN or a card number.
      if (gather.accepts(input)) {
        timeline.step(
            "call.gathered", input.length() + " digit(s), " + ending + ", attempt " + attempt);
        Map<String, Object> gathered = timeline.callData();
        gathered.put("digits", input);
        gathered.put("ending", ending.name());
        gathered.put("attempts", attempt);
        timeline.publish(WebhookEventTypes.GATHER_COMPLETED, gathered);
        return new GatherResult(input, ending, attempt);
      }
      timeline.step(
          "call.gather-retry",
          (input.isEmpty() ? "no input" : "invalid input") + ", attempt " + attempt);
    }
    return new GatherResult("", ending, gather.attempts());
  }

  /** The older shape: the caller's digits as signalled, one by one, bounded by the timeouts. */
  private GatherResult.Ending collectDigits(Gather gather, StringBuilder typed, long deadline) {
    ChannelTracker channel = session.channel();
    while (true) {
      String digit = channel.takeDigit();
      if (digit == null) {
        long left = deadline - Workflow.currentTimeMillis();
        Duration wait = typed.isEmpty() ? gather.firstDigitTimeout() : gather.interDigitTimeout();
        if (left <= 0) {
          return GatherResult.Ending.TIMEOUT;
        }
        boolean woken =
            Workflow.await(
                wait.toMillis() < left ? wait : Duration.ofMillis(left),
                () -> channel.hasTypedDigit() || channel.ended() || session.redirectWaiting());
        session.requireUpAndNotRedirected();
        if (!woken) {
          return GatherResult.Ending.TIMEOUT;
        }
        continue;
      }
      if (gather.terminators().contains(digit)) {
        return GatherResult.Ending.TERMINATOR;
      }
      typed.append(digit);
      if (typed.length() >= gather.maxDigits()) {
        return GatherResult.Ending.MAX_DIGITS;
      }
    }
  }

  /** The older shape: plays a prompt until it ends or the caller starts typing. */
  private void promptUntilFirstDigit(String media) {
    session.requireUp();
    ChannelTracker channel = session.channel();
    int finishedBefore = channel.finishedPlaybacks(media);
    session.promptPlaying(true);
    session.control().play(session.channelUuid(), media);
    wait.until(
        () ->
            channel.finishedPlaybacks(media) > finishedBefore
                || channel.hasTypedDigit()
                || channel.ended(),
        snapshot -> {
          boolean stillPlaying =
              "playback".equals(snapshot.application())
                  && Playbacks.isPlaying(snapshot.applicationData(), media);
          if (!stillPlaying) {
            channel.playbackFinished(media);
          }
        });
    session.requireUp();
    if (channel.finishedPlaybacks(media) == finishedBefore) {
      session.control().stopPrompt(session.channelUuid());
    }
    play.awaitLivePlays();
  }
}
