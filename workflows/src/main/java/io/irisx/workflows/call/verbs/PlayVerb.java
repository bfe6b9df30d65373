package io.irisx.workflows.call.verbs;

import io.irisx.workflows.call.StepResult;
import io.irisx.workflows.flow.Media;
import io.temporal.workflow.Workflow;

/**
 * {@code Call.play}: one prompt (a sound file, speech or an https URL), played to its end or until
 * the caller hangs up; then the live plays the API queued behind it or cut into it are heard out.
 * Media the switch cannot play is noted in the timeline and the flow goes on.
 */
final class PlayVerb {
  /** Speech and URL media (io.irisx.workflows.flow.Media); their playbacks are matched by kind. */
  static final String MEDIA_KINDS_CHANGE = "play-media-kinds";

  private final CallSession session;
  private final CallTimeline timeline;
  private final ChannelWait wait;
  private final AnswerVerb answer;

  PlayVerb(CallSession session, CallTimeline timeline, ChannelWait wait, AnswerVerb answer) {
    this.session = session;
    this.timeline = timeline;
    this.wait = wait;
    this.answer = answer;
  }

  void play(String media) {
    if (media.startsWith(Media.SPEECH_PREFIX) || media.startsWith(Media.URL_PREFIX)) {
      Workflow.getVersion(MEDIA_KINDS_CHANGE, Workflow.DEFAULT_VERSION, 1);
    }
    answer.answer();
    CallSteps steps = session.steps();
    if (steps != null) {
      // A live play meanwhile queues behind the prompt on the switch, or cuts it (interrupt); its
      // end, which no step takes, is signalled, and the flow waits for it before its next step.
      session.promptPlaying(true);
      StepResult played;
      try {
        played = steps.settle(wait.step(steps.play(media)));
      } finally {
        session.promptPlaying(false);
      }
      session.requireUp();
      if (played.outcome() == StepResult.Outcome.MEDIA_FAILED) {
        // The flow goes on, as after a prompt the caller did not listen to; the timeline says why.
        timeline.step("call.media-failed", played.detail());
      }
      awaitLivePlays();
      session.requireUp();
      return;
    }
    ChannelTracker channel = session.channel();
    int finishedBefore = channel.finishedPlaybacks(media);
    session.promptPlaying(true);
    session.control().play(session.channelUuid(), media);
    wait.until(
        () -> channel.finishedPlaybacks(media) > finishedBefore || channel.ended(),
        snapshot -> {
          boolean stillPlaying =
              "playback".equals(snapshot.application())
                  && Playbacks.isPlaying(snapshot.applicationData(), media);
          if (!stillPlaying) {
            channel.playbackFinished(media);
          }
        });
    awaitLivePlays();
    session.requireUp();
  }

  /** After a prompt of the flow: the live plays queued behind it or cut into it are heard out. */
  void awaitLivePlays() {
    session.promptPlaying(false);
    LivePlays livePlays = session.livePlays();
    if (livePlays.any()) {
      ChannelTracker channel = session.channel();
      wait.until(() -> livePlays.allHeard(channel));
    }
  }
}
