package io.irisx.activities.esl;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.workflows.call.CallStepActivities;
import io.irisx.workflows.call.ChannelEvent;
import io.irisx.workflows.call.GatherStep;
import io.irisx.workflows.call.OriginateCommand;
import io.irisx.workflows.call.PromptStep;
import io.irisx.workflows.call.StepResult;
import io.irisx.workflows.call.StepResult.Outcome;
import io.irisx.workflows.flow.GatherResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call-control steps that own their events, over the node's event socket. Each registers with
 * {@link ChannelWaiters} before it sends its command, so no event of its step can slip past, and
 * completes on the event that ends the step. A retried step (its worker died while it waited) first
 * asks the switch what became of it: the channel of a retried originate, the {@code irisx_step}
 * variable of a retried prompt, so nothing is dialled or played twice.
 */
public final class CallStepActivitiesImpl implements CallStepActivities {
  private static final Logger log = LoggerFactory.getLogger(CallStepActivitiesImpl.class);

  /** The events the call's record is made of; a step hands them back in its result. */
  private static final Set<String> RECORDED =
      Set.of(
          ChannelEvent.BACKGROUND_JOB,
          ChannelEvent.CHANNEL_PROGRESS,
          ChannelEvent.CHANNEL_PROGRESS_MEDIA,
          ChannelEvent.CHANNEL_ANSWER,
          ChannelEvent.CHANNEL_HANGUP,
          ChannelEvent.CHANNEL_HANGUP_COMPLETE);

  private static final Set<String> PROMPT_EVENTS =
      Set.of("CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE");

  /** What an originate reports a retry found: its channel, made by an earlier attempt. */
  private static final String SENT = "originate sent";

  /** How often a prompt whose events a link cut may have lost asks the switch how it is. */
  private static final Duration ASK_AGAIN = Duration.ofSeconds(5);

  /** A safety net under every wait: the step's own timers end it long before. */
  private static final Duration SAFETY = Duration.ofMinutes(2);

  private final EslConnection esl;
  private final EslCommandBuilder commands;
  private final ChannelWaiters waiters;
  private final StepTimers timers;

  public CallStepActivitiesImpl(
      EslConnection esl, EslCommandBuilder commands, ChannelWaiters waiters, StepTimers timers) {
    this.esl = esl;
    this.commands = commands;
    this.waiters = waiters;
    this.timers = timers;
  }

  @Override
  public StepResult originate(OriginateCommand command) {
    EslCommand originate = safely(() -> commands.originateOwningEvents(command));
    String uuid = command.channelUuid();
    ActivityExecutionContext context = Activity.getExecutionContext();
    try (Step step = new Step(uuid, event -> RECORDED.contains(event.name()))) {
      boolean sentBefore =
          context.getInfo().getAttempt() > 1
              && context.getHeartbeatDetails(String.class).map(SENT::equals).orElse(false);
      if (exists(uuid)) {
        log.info("call {}: channel {} already exists; not dialling again", command.callId(), uuid);
        if (answered(uuid)) {
          return step.end(Outcome.DONE, "answered before a worker restart", step.answerSeen(uuid));
        }
      } else if (sentBefore) {
        return step.end(Outcome.GONE, "the channel ended while its worker was away");
      } else {
        esl.bgapi(originate.command(), originate.args());
        // The one heartbeat of a call: a retry must know the switch was asked already.
        context.heartbeat(SENT);
      }
      step.deadline(Duration.ofSeconds(command.timeoutSeconds() + 30L), "ring");
      boolean hungUp = false;
      while (true) {
        SwitchEvent event = step.next();
        switch (event.name()) {
          case "CHANNEL_ANSWER" -> {
            return step.end(Outcome.DONE, null);
          }
          case "CHANNEL_HANGUP" -> hungUp = true;
          case "CHANNEL_HANGUP_COMPLETE" -> {
            return step.end(Outcome.FAILED, event.header("Hangup-Cause"));
          }
          case "BACKGROUND_JOB" -> {
            String result = event.body() == null ? "" : event.body().trim();
            // A channel that existed sends its CHANNEL_HANGUP_COMPLETE (with the SIP disposition
            // that says who ended it) right after the job's -ERR; one that never existed sends
            // none.
            if (result.startsWith("-ERR") && !hungUp) {
              return step.end(Outcome.FAILED, result);
            }
          }
          case StepWaiter.TIMER -> {
            if (step.timerIs(event, StepWaiter.LINK_RESTORED)) {
              // Its answer or its end may have come while the link was down: the switch says.
              if (!exists(uuid)) {
                return step.end(Outcome.GONE, "the channel ended while the link was down");
              }
              if (answered(uuid)) {
                return step.end(Outcome.DONE, "seen by inspection", step.answerSeen(uuid));
              }
            }
            if (step.timerIs(event, "ring")) {
              return step.end(
                  exists(uuid) ? Outcome.FAILED : Outcome.GONE, "no outcome from the switch");
            }
          }
          default -> {
            // progress is recorded, nothing to decide
          }
        }
      }
    }
  }

  @Override
  public StepResult answer(String callId, String channelUuid) {
    EslCommand mark = safely(() -> commands.markOwningEvents(channelUuid));
    EslCommand answer = commands.answer(channelUuid);
    try (Step step = new Step(channelUuid, event -> RECORDED.contains(event.name()))) {
      esl.api(mark.command(), mark.args());
      ApiReply reply = esl.api(answer.command(), answer.args());
      if (reply.isError()) {
        if (!exists(channelUuid)) {
          return step.end(Outcome.GONE, reply.firstLine());
        }
        if (answered(channelUuid)) {
          return step.end(Outcome.DONE, "already answered", step.answerSeen(channelUuid));
        }
        throw ApplicationFailure.newFailure(
            "switch refused answer: " + reply.firstLine(),
            CallControlActivitiesImpl.SWITCH_REFUSED);
      }
      step.deadline(Duration.ofSeconds(10), "answer");
      while (true) {
        SwitchEvent event = step.next();
        switch (event.name()) {
          case "CHANNEL_ANSWER" -> {
            return step.end(Outcome.DONE, null);
          }
          case "CHANNEL_HANGUP_COMPLETE" -> {
            return step.end(Outcome.HUNG_UP, event.header("Hangup-Cause"));
          }
          case StepWaiter.TIMER -> {
            if (step.timerIs(event, "answer")) {
              // The answer event was lost (the link blinked): the switch says what is true.
              if (answered(channelUuid)) {
                return step.end(Outcome.DONE, "seen by inspection", step.answerSeen(channelUuid));
              }
              return step.end(
                  exists(channelUuid) ? Outcome.FAILED : Outcome.GONE, "not answered in time");
            }
          }
          default -> {
            // recorded
          }
        }
      }
    }
  }

  @Override
  public StepResult play(PromptStep prompt) {
    EslCommand broadcast = safely(() -> commands.broadcast(prompt.channelUuid(), prompt.media()));
    EslCommand mark = safely(() -> commands.markStep(prompt.channelUuid(), prompt.stepId()));
    EslCommand pending = commands.markPromptPending(prompt.channelUuid());
    EslCommand response = commands.promptResponse(prompt.channelUuid());
    String data = commands.playbackData(prompt.media());
    try (Step step = new Step(prompt.channelUuid(), CallStepActivitiesImpl::promptOrRecorded)) {
      switch (resumption(prompt.channelUuid(), prompt.stepId())) {
        case GONE -> {
          return step.end(Outcome.GONE, "the channel ended while its worker was away");
        }
        case SENT_BEFORE -> {
          return step.end(Outcome.DONE, "sent before a worker restart: not played again");
        }
        case NEW -> esl.api(mark.command(), mark.args());
      }
      esl.api(pending.command(), pending.args());
      ApiReply reply = esl.api(broadcast.command(), broadcast.args());
      if (reply.isError()) {
        return refused(step, prompt.channelUuid(), reply);
      }
      Playback playback = new Playback(data);
      while (true) {
        SwitchEvent event = step.next();
        playback.observe(event);
        boolean restored = step.timerIs(event, StepWaiter.LINK_RESTORED);
        if ((restored || step.timerIs(event, "ask")) && !playback.ended()) {
          // The prompt may have ended while the link was down: its CHANNEL_EXECUTE_COMPLETE is
          // lost, and show channels keeps "playback" as the channel's application after the end,
          // so neither would ever say it ended. The playback application sets
          // current_application_response as it ends; it was set to PROMPT_PENDING just before the
          // broadcast, so any other value is this prompt's end (or, when a live play was already
          // playing ahead of it, that play's: a prompt queued behind a live play may then be taken
          // as ended early). Still pending: it plays on; its end comes as an event, and the switch
          // is asked again now and then, for the start event too may have been lost.
          if (restored) {
            playback.linkRestored();
          }
          String ended = esl.api(response.command(), response.args()).firstLine().trim();
          if (ended.startsWith("-") && !exists(prompt.channelUuid())) {
            return step.end(Outcome.GONE, "the channel ended while the link was down");
          }
          if (!ended.isEmpty()
              && !EslCommandBuilder.PROMPT_PENDING.equals(ended)
              && !"_undef_".equals(ended)
              && !ended.startsWith("-")) {
            log.info("channel {}: its prompt ended while the link was down", prompt.channelUuid());
            playback.endedUnseen(ended);
          } else {
            step.restart(ASK_AGAIN, "ask");
          }
        }
        if ("CHANNEL_HANGUP_COMPLETE".equals(event.name())) {
          return step.end(Outcome.HUNG_UP, event.header("Hangup-Cause"));
        }
        // A prompt cut by the caller's hangup ends before the hangup completes: wait for that.
        if (playback.ended() && !step.hungUp()) {
          return playback.failure() == null
              ? step.end(Outcome.DONE, null)
              : step.end(
                  Outcome.MEDIA_FAILED,
                  "cannot play " + prompt.media() + ": " + playback.failure());
        }
      }
    }
  }

  @Override
  public StepResult gather(GatherStep gather) {
    EslCommand mark = safely(() -> commands.markStep(gather.channelUuid(), gather.stepId()));
    EslCommand broadcast =
        gather.prompt() == null
            ? null
            : safely(() -> commands.broadcast(gather.channelUuid(), gather.prompt()));
    EslCommand stop = commands.stopMedia(gather.channelUuid());
    try (Step step =
        new Step(
            gather.channelUuid(),
            event -> promptOrRecorded(event) || ChannelEvent.DTMF.equals(event.name()))) {
      Resumption resumption = resumption(gather.channelUuid(), gather.stepId());
      if (resumption == Resumption.GONE) {
        return step.end(Outcome.GONE, "the channel ended while its worker was away");
      }
      boolean resumed = resumption == Resumption.SENT_BEFORE;
      esl.api(mark.command(), mark.args());
      Playback playback = null;
      if (broadcast != null && !resumed) {
        ApiReply reply = esl.api(broadcast.command(), broadcast.args());
        if (reply.isError()) {
          return refused(step, gather.channelUuid(), reply);
        }
        playback = new Playback(commands.playbackData(gather.prompt()));
      }
      DigitCollector digits = new DigitCollector(gather);
      step.deadline(Duration.ofMillis(gather.overallMillis()), "overall");
      String mediaFailure = null;
      if (playback == null) {
        step.restart(Duration.ofMillis(gather.firstDigitMillis()), "digit");
      }
      while (true) {
        SwitchEvent event = step.next();
        if (playback != null && !playback.ended()) {
          playback.observe(event);
          if (playback.ended() && !step.hungUp()) {
            mediaFailure = playback.failure();
            if (digits.typed().isEmpty()) {
              step.restart(Duration.ofMillis(gather.firstDigitMillis()), "digit");
            }
          }
        }
        switch (event.name()) {
          case "DTMF" -> {
            if (playback != null && !playback.ended()) {
              // The caller knows the answer: no more menu.
              esl.api(stop.command(), stop.args());
              playback.cutShort();
            }
            GatherResult.Ending ending = digits.add(event.header("DTMF-Digit"));
            if (ending != null) {
              return step.gathered(digits.typed(), ending, mediaFailure);
            }
            step.restart(Duration.ofMillis(gather.interDigitMillis()), "digit");
          }
          case "CHANNEL_HANGUP_COMPLETE" -> {
            return step.end(Outcome.HUNG_UP, event.header("Hangup-Cause"));
          }
          case StepWaiter.TIMER -> {
            if (step.timerIs(event, StepWaiter.LINK_RESTORED) && !exists(gather.channelUuid())) {
              return step.end(Outcome.GONE, "the channel ended while the link was down");
            }
            if (step.timerIs(event, "overall") || step.timerIs(event, "digit")) {
              return step.gathered(digits.typed(), GatherResult.Ending.TIMEOUT, mediaFailure);
            }
          }
          default -> {
            // prompt progress, recorded events
          }
        }
      }
    }
  }

  @Override
  public StepResult hangup(String channelUuid, String cause) {
    EslCommand kill = safely(() -> commands.kill(channelUuid, cause));
    try (Step step = new Step(channelUuid, event -> RECORDED.contains(event.name()))) {
      ApiReply reply = esl.api(kill.command(), kill.args());
      if (reply.isError()) {
        String verdict = reply.firstLine();
        if (verdict.contains("No such channel") || verdict.contains("invalid uuid")) {
          return step.end(Outcome.GONE, verdict);
        }
        throw ApplicationFailure.newFailure(
            "switch refused hangup: " + verdict, CallControlActivitiesImpl.SWITCH_REFUSED);
      }
      step.deadline(Duration.ofSeconds(10), "hangup");
      while (true) {
        SwitchEvent event = step.next();
        if ("CHANNEL_HANGUP_COMPLETE".equals(event.name())) {
          return step.end(Outcome.DONE, event.header("Hangup-Cause"));
        }
        if (step.timerIs(event, "hangup")) {
          return step.end(exists(channelUuid) ? Outcome.FAILED : Outcome.GONE, "no hangup event");
        }
      }
    }
  }

  /** What a retried prompt or gather finds on the switch. */
  private enum Resumption {
    /** A first attempt, or a retry whose step never reached the switch: send it. */
    NEW,
    /**
     * The switch has the step already: not sent again. The prompt was heard, or is being heard (the
     * next prompt queues behind it on the switch).
     */
    SENT_BEFORE,
    GONE
  }

  private Resumption resumption(String channelUuid, String stepId) {
    if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
      return Resumption.NEW;
    }
    if (!exists(channelUuid)) {
      return Resumption.GONE;
    }
    EslCommand last = commands.lastStep(channelUuid);
    if (stepId.equals(esl.api(last.command(), last.args()).firstLine().trim())) {
      log.info(
          "channel {}: step {} was sent before a worker restart; not again", channelUuid, stepId);
      return Resumption.SENT_BEFORE;
    }
    return Resumption.NEW;
  }

  private StepResult refused(Step step, String channelUuid, ApiReply reply) {
    String verdict = reply.firstLine();
    if (verdict.contains("invalid uuid") || verdict.contains("No such channel")) {
      return step.end(Outcome.GONE, verdict);
    }
    return step.end(Outcome.MEDIA_FAILED, "the switch refused the prompt: " + verdict);
  }

  private static boolean promptOrRecorded(SwitchEvent event) {
    return RECORDED.contains(event.name())
        || (PROMPT_EVENTS.contains(event.name()) && "playback".equals(event.header("Application")));
  }

  private boolean exists(String channelUuid) {
    EslCommand exists = commands.exists(channelUuid);
    return "true".equals(esl.api(exists.command(), exists.args()).firstLine());
  }

  /** Whether the switch has the channel answered (show channels' callstate). */
  private boolean answered(String channelUuid) {
    return new CallControlActivitiesImpl(esl, commands).inspect(channelUuid).answered();
  }

  private static EslCommand safely(java.util.function.Supplier<EslCommand> build) {
    try {
      return build.get();
    } catch (UnsafeCommandException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), CallControlActivitiesImpl.UNSAFE_COMMAND);
    }
  }

  /** One step's waiter, timers and heartbeats, and the recorded events it will hand back. */
  private final class Step implements AutoCloseable {
    private final StepWaiter waiter;
    private final java.util.List<ChannelEvent> recorded = new java.util.ArrayList<>();
    private final java.util.Map<String, Integer> generations = new java.util.HashMap<>();
    private final java.util.List<Runnable> cancels = new java.util.ArrayList<>();
    private final ActivityExecutionContext context = Activity.getExecutionContext();
    private boolean drained;

    Step(String channelUuid, Predicate<SwitchEvent> wants) {
      this.waiter = waiters.watch(channelUuid, wants);
      cancels.add(
          timers.schedule(ActivityCatalogue.STEP_HEARTBEAT_EVERY, () -> waiter.fire("heartbeat")));
    }

    /** The next channel event; heartbeats (a long wait only) are sent on the way. */
    SwitchEvent next() {
      while (true) {
        SwitchEvent event = timers.next(waiter, SAFETY);
        if (event == null) {
          throw ApplicationFailure.newFailure("no event nor timer in " + SAFETY, "StepStalled");
        }
        if (timerIs(event, "heartbeat")) {
          context.heartbeat(context.getHeartbeatDetails(String.class).orElse(null));
          cancels.add(
              timers.schedule(
                  ActivityCatalogue.STEP_HEARTBEAT_EVERY, () -> waiter.fire("heartbeat")));
          continue;
        }
        if (RECORDED.contains(event.name())) {
          recorded.add(ChannelEventReader.of(event));
        }
        return event;
      }
    }

    /** Sets a timer once. */
    void deadline(Duration after, String name) {
      cancels.add(timers.schedule(after, () -> waiter.fire(name + "#0")));
      generations.putIfAbsent(name, 0);
    }

    /** Sets a timer, replacing the one of the same name. */
    void restart(Duration after, String name) {
      int generation = generations.merge(name, 1, Integer::sum);
      cancels.add(timers.schedule(after, () -> waiter.fire(name + "#" + generation)));
    }

    boolean timerIs(SwitchEvent event, String name) {
      if (!StepWaiter.TIMER.equals(event.name())) {
        return false;
      }
      String timer = event.header("Timer");
      if (timer.equals(name)) {
        return true;
      }
      int hash = timer.indexOf('#');
      return hash > 0
          && timer.substring(0, hash).equals(name)
          && Integer.parseInt(timer.substring(hash + 1)) == generations.getOrDefault(name, 0);
    }

    ChannelEvent answerSeen(String channelUuid) {
      long micros = System.currentTimeMillis() * 1000;
      return new ChannelEvent(
          ChannelEvent.CHANNEL_ANSWER,
          channelUuid,
          "inspected",
          micros,
          micros,
          "answered",
          null,
          null,
          null,
          null,
          null);
    }

    /** Whether the channel's CHANNEL_HANGUP came during the step. */
    boolean hungUp() {
      return recorded.stream().anyMatch(event -> event.is(ChannelEvent.CHANNEL_HANGUP));
    }

    StepResult end(Outcome outcome, String detail, ChannelEvent... seen) {
      drain();
      recorded.addAll(java.util.List.of(seen));
      return StepResult.of(outcome, detail, recorded);
    }

    StepResult gathered(String digits, GatherResult.Ending ending, String mediaFailure) {
      drain();
      return new StepResult(Outcome.DONE, mediaFailure, digits, ending, recorded);
    }

    /** Stops waiting; what the bridge handed over but was not read yet still counts. */
    private void drain() {
      if (drained) {
        return;
      }
      drained = true;
      cancels.forEach(Runnable::run);
      for (SwitchEvent unread : waiter.close()) {
        if (RECORDED.contains(unread.name())) {
          recorded.add(ChannelEventReader.of(unread));
        }
      }
    }

    @Override
    public void close() {
      drain();
    }
  }
}
