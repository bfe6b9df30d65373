package io.irisx.workflows.call;

import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a FreeSWITCH node in workflow tests: answers call-control activities by signalling
 * the events a switch would send. {@code loseEventsAfterAnswer} models a worker or ESL link that
 * went away: nothing more arrives, and only inspecting the channel can tell.
 */
final class ScriptedSwitch implements CallControlActivities, DialActivities {
  enum FarEnd {
    ANSWERS,
    BUSY,
    REFUSES_PLAYBACK,
    CALLER_GIVES_UP
  }

  private final WorkflowClient client;
  private final FarEnd farEnd;
  private final boolean loseEventsAfterAnswer;
  private final boolean channelVanishes;
  private final AtomicLong sequence = new AtomicLong(100);
  final List<String> commands = new CopyOnWriteArrayList<>();
  private volatile String callId;

  ScriptedSwitch(
      WorkflowClient client,
      FarEnd farEnd,
      boolean loseEventsAfterAnswer,
      boolean channelVanishes) {
    this.client = client;
    this.farEnd = farEnd;
    this.loseEventsAfterAnswer = loseEventsAfterAnswer;
    this.channelVanishes = channelVanishes;
  }

  /** Dialled numbers (a dial's second leg): "answer", or the cause the leg fails with. */
  final java.util.Map<String, String> dialOutcomes = new java.util.concurrent.ConcurrentHashMap<>();

  /** The second legs dialled so far, by number. */
  final java.util.Map<String, String> legs = new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Set<String> endedLegs =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile String mainChannel;

  /**
   * {@code number} answers when dialled, or fails with {@code cause} (USER_BUSY, NO_ANSWER, ...).
   */
  ScriptedSwitch whenDialled(String number, String outcome) {
    dialOutcomes.put(number, outcome);
    return this;
  }

  private void originateLeg(OriginateCommand command) {
    commands.add("dial " + command.to() + " as " + command.from());
    String uuid = command.channelUuid();
    legs.put(command.to(), uuid);
    String outcome = dialOutcomes.getOrDefault(command.to(), "NO_ROUTE_DESTINATION");
    send(event(ChannelEvent.CHANNEL_PROGRESS, uuid, null, null, null));
    if (outcome.equals("answer")) {
      send(event(ChannelEvent.CHANNEL_ANSWER, uuid, null, null, null));
      send(event(ChannelEvent.BACKGROUND_JOB, uuid, null, null, "+OK " + uuid + "\n"));
      return;
    }
    endLeg(uuid, outcome);
    send(event(ChannelEvent.BACKGROUND_JOB, uuid, null, null, "-ERR " + outcome + "\n"));
  }

  private void endLeg(String uuid, String cause) {
    if (endedLegs.add(uuid)) {
      send(event(ChannelEvent.CHANNEL_HANGUP, uuid, cause, null, null));
      send(event(ChannelEvent.CHANNEL_HANGUP_COMPLETE, uuid, cause, null, null));
    }
  }

  @Override
  public void bridge(String channelUuid, String otherUuid) {
    commands.add("bridge");
  }

  /** The dialled party at {@code number} hangs up; the call parks again (park_after_bridge). */
  void otherPartyHangsUp(String number) {
    endLeg(legs.get(number), "NORMAL_CLEARING");
  }

  /** The caller hangs up during a bridge: the switch hangs up the other leg with the same cause. */
  /**
   * The caller hangs up during a bridge as a real switch may report it: first the bridged leg,
   * which the switch itself ended ({@code sip_hangup_disposition send_bye}), then, after {@code
   * gap} (the two channels' events race), the caller's own hangup.
   */
  void callerHangsUpLegEndsFirst(String channelUuid, Runnable gap) {
    legs.values()
        .forEach(
            leg -> {
              if (endedLegs.add(leg)) {
                send(endedByTheSwitch(ChannelEvent.CHANNEL_HANGUP, leg));
                send(endedByTheSwitch(ChannelEvent.CHANNEL_HANGUP_COMPLETE, leg));
              }
            });
    gap.run();
    send(event(ChannelEvent.CHANNEL_HANGUP, channelUuid, "NORMAL_CLEARING", null, null));
    send(event(ChannelEvent.CHANNEL_HANGUP_COMPLETE, channelUuid, "NORMAL_CLEARING", null, null));
  }

  private ChannelEvent endedByTheSwitch(String type, String uuid) {
    return new ChannelEvent(
        type,
        uuid,
        "core-1",
        sequence.incrementAndGet(),
        System.currentTimeMillis() * 1000,
        null,
        "NORMAL_CLEARING",
        null,
        null,
        null,
        null,
        "send_bye",
        null,
        null,
        null);
  }

  String mainChannel() {
    return mainChannel;
  }

  void callerHangsUp(String channelUuid) {
    send(event(ChannelEvent.CHANNEL_HANGUP, channelUuid, "NORMAL_CLEARING", null, null));
    send(event(ChannelEvent.CHANNEL_HANGUP_COMPLETE, channelUuid, "NORMAL_CLEARING", null, null));
    legs.values().forEach(leg -> endLeg(leg, "NORMAL_CLEARING"));
  }

  @Override
  public void originate(OriginateCommand command) {
    if (mainChannel != null && !mainChannel.equals(command.channelUuid())) {
      originateLeg(command);
      return;
    }
    mainChannel = command.channelUuid();
    commands.add("originate " + command.to());
    callId = command.callId();
    String uuid = command.channelUuid();
    send(event(ChannelEvent.CHANNEL_PROGRESS, uuid, null, null, null));
    if (farEnd == FarEnd.BUSY) {
      send(event(ChannelEvent.CHANNEL_HANGUP, uuid, "USER_BUSY", null, null));
      send(event(ChannelEvent.BACKGROUND_JOB, null, null, null, "-ERR USER_BUSY\n"));
      send(event(ChannelEvent.CHANNEL_HANGUP_COMPLETE, uuid, "USER_BUSY", null, null));
      return;
    }
    send(event(ChannelEvent.CHANNEL_ANSWER, uuid, null, null, null));
    send(event(ChannelEvent.BACKGROUND_JOB, null, null, null, "+OK " + uuid + "\n"));
  }

  /** The switch parked an inbound call; its events go to this call's workflow. */
  ScriptedSwitch inboundCall(String callId) {
    this.callId = callId;
    this.mainChannel = "inbound";
    return this;
  }

  @Override
  public void answer(String channelUuid) {
    commands.add("answer");
    if (farEnd == FarEnd.CALLER_GIVES_UP) {
      send(event(ChannelEvent.CHANNEL_HANGUP, channelUuid, "ORIGINATOR_CANCEL", null, null));
      send(
          event(
              ChannelEvent.CHANNEL_HANGUP_COMPLETE, channelUuid, "ORIGINATOR_CANCEL", null, null));
      return;
    }
    send(event(ChannelEvent.CHANNEL_ANSWER, channelUuid, null, null, null));
  }

  /**
   * The caller presses {@code keys} while {@code media} plays: before the prompt's end when {@code
   * afterPrompt} is false (barge-in), after it otherwise.
   */
  void pressWhenPlaying(String media, String keys, boolean afterPrompt) {
    this.pressDuring = media;
    this.keysToPress = keys;
    this.pressAfterPrompt = afterPrompt;
  }

  private volatile String pressDuring;
  private volatile String keysToPress;
  private volatile boolean pressAfterPrompt;

  @Override
  public void play(String channelUuid, String media) {
    commands.add("play " + media);
    if (media.equals(pressDuring) && !pressAfterPrompt) {
      press(channelUuid, keysToPress);
      pressDuring = null;
      return; // the prompt is stopped by the gather, not finished
    }
    if (farEnd == FarEnd.REFUSES_PLAYBACK) {
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "switch refused playback: -ERR no such file", "SwitchRefused");
    }
    if (!loseEventsAfterAnswer) {
      // As FreeSWITCH names them: sound files with the sound prefix, speech as its tts:// file.
      String path =
          media.startsWith("say:")
              ? "tts://flite|kal|" + media.substring(4)
              : media.contains("://") ? media : "/usr/share/sounds/" + media;
      send(event(ChannelEvent.PLAYBACK_STOP, channelUuid, null, path, null));
    }
    if (media.equals(pressDuring) && pressAfterPrompt) {
      press(channelUuid, keysToPress);
      pressDuring = null;
    }
  }

  @Override
  public void stopPrompt(String channelUuid) {
    commands.add("stop-prompt");
  }

  @Override
  public void sendDigits(String channelUuid, String digits) {
    commands.add("send-digits " + digits);
  }

  /** The far end presses keys: one DTMF event per key, as the switch sends them. */
  void press(String channelUuid, String keys) {
    for (char key : keys.toCharArray()) {
      ChannelEvent event = event(ChannelEvent.DTMF, channelUuid, null, null, null);
      send(
          new ChannelEvent(
              event.type(),
              event.channelUuid(),
              event.coreUuid(),
              event.sequence(),
              event.timestampMicros(),
              null,
              null,
              null,
              String.valueOf(key),
              null,
              null));
    }
  }

  @Override
  public void hangup(String channelUuid, String cause) {
    if (legs.containsValue(channelUuid)) {
      commands.add("hangup-leg " + cause);
      endLeg(channelUuid, cause);
      return;
    }
    commands.add("hangup " + cause);
    if (!loseEventsAfterAnswer) {
      send(event(ChannelEvent.CHANNEL_HANGUP, channelUuid, cause, null, null));
      send(event(ChannelEvent.CHANNEL_HANGUP_COMPLETE, channelUuid, cause, null, null));
    }
  }

  @Override
  public ChannelSnapshot inspect(String channelUuid) {
    commands.add("inspect");
    if (legs.containsValue(channelUuid)) {
      return endedLegs.contains(channelUuid)
          ? ChannelSnapshot.gone()
          : new ChannelSnapshot(true, true, "park", null);
    }
    if (channelVanishes || commands.contains("hangup NORMAL_CLEARING")) {
      return ChannelSnapshot.gone();
    }
    return new ChannelSnapshot(true, true, "park", null);
  }

  private ChannelEvent event(
      String type, String uuid, String cause, String playbackPath, String jobResult) {
    long micros = System.currentTimeMillis() * 1000;
    return new ChannelEvent(
        type,
        uuid,
        "core-1",
        sequence.incrementAndGet(),
        micros,
        null,
        cause,
        "USER_BUSY".equals(cause) ? "486" : null,
        null,
        playbackPath,
        jobResult);
  }

  // --- steps that own their events: the same script, its events handed back, not signalled ---

  /** The events of the step running on this thread; null outside a step (they are signalled). */
  private final ThreadLocal<List<ChannelEvent>> stepEvents = new ThreadLocal<>();

  private final java.util.Set<String> ringingSignalled =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private List<ChannelEvent> during(Runnable step) {
    List<ChannelEvent> seen = new java.util.ArrayList<>();
    stepEvents.set(seen);
    try {
      step.run();
    } finally {
      stepEvents.remove();
    }
    return seen;
  }

  private static boolean has(List<ChannelEvent> events, String type) {
    return events.stream().anyMatch(event -> event.is(type));
  }

  /** The same script as steps that own their events (register it beside the switch). */
  CallStepActivities steps() {
    return steps;
  }

  private final CallStepActivities steps = new Steps();

  private final class Steps implements CallStepActivities {
    @Override
    public StepResult originate(OriginateCommand command) {
      List<ChannelEvent> seen = during(() -> ScriptedSwitch.this.originate(command));
      return StepResult.of(
          has(seen, ChannelEvent.CHANNEL_ANSWER)
              ? StepResult.Outcome.DONE
              : StepResult.Outcome.FAILED,
          null,
          seen);
    }

    @Override
    public StepResult answer(String callId, String channelUuid) {
      List<ChannelEvent> seen = during(() -> ScriptedSwitch.this.answer(channelUuid));
      return StepResult.of(
          has(seen, ChannelEvent.CHANNEL_HANGUP_COMPLETE)
              ? StepResult.Outcome.HUNG_UP
              : StepResult.Outcome.DONE,
          null,
          seen);
    }

    @Override
    public StepResult play(PromptStep step) {
      if (channelVanishes && loseEventsAfterAnswer) {
        commands.add("play " + step.media());
        return StepResult.of(StepResult.Outcome.GONE, "invalid uuid", List.of());
      }
      try {
        List<ChannelEvent> seen =
            during(() -> ScriptedSwitch.this.play(step.channelUuid(), step.media()));
        return StepResult.of(outcome(seen), null, withoutKeys(seen));
      } catch (io.temporal.failure.ApplicationFailure refused) {
        return StepResult.of(
            StepResult.Outcome.MEDIA_FAILED,
            "cannot play " + step.media() + ": FILE NOT FOUND",
            List.of());
      }
    }

    @Override
    public StepResult gather(GatherStep step) {
      List<ChannelEvent> seen =
          step.prompt() == null
              ? List.of()
              : during(() -> ScriptedSwitch.this.play(step.channelUuid(), step.prompt()));
      StringBuilder typed = new StringBuilder();
      io.irisx.workflows.flow.GatherResult.Ending ending =
          io.irisx.workflows.flow.GatherResult.Ending.TIMEOUT;
      if (has(seen, ChannelEvent.DTMF) && !has(seen, ChannelEvent.PLAYBACK_STOP)) {
        // keys during the prompt: the node stops it, as the real step does with uuid_break
        commands.add("stop-prompt");
      }
      for (ChannelEvent event : seen) {
        if (!event.is(ChannelEvent.DTMF)) {
          continue;
        }
        if (step.terminators().contains(event.dtmfDigit())) {
          ending = io.irisx.workflows.flow.GatherResult.Ending.TERMINATOR;
          break;
        }
        typed.append(event.dtmfDigit());
        if (typed.length() >= step.maxDigits()) {
          ending = io.irisx.workflows.flow.GatherResult.Ending.MAX_DIGITS;
          break;
        }
      }
      if (has(seen, ChannelEvent.CHANNEL_HANGUP_COMPLETE)) {
        return StepResult.of(StepResult.Outcome.HUNG_UP, null, withoutKeys(seen));
      }
      return new StepResult(
          StepResult.Outcome.DONE, null, typed.toString(), ending, withoutKeys(seen));
    }

    @Override
    public StepResult hangup(String channelUuid, String cause) {
      List<ChannelEvent> seen = during(() -> ScriptedSwitch.this.hangup(channelUuid, cause));
      return StepResult.of(
          has(seen, ChannelEvent.CHANNEL_HANGUP_COMPLETE)
              ? StepResult.Outcome.DONE
              : StepResult.Outcome.GONE,
          null,
          seen);
    }
  }

  private static StepResult.Outcome outcome(List<ChannelEvent> seen) {
    return has(seen, ChannelEvent.CHANNEL_HANGUP_COMPLETE)
        ? StepResult.Outcome.HUNG_UP
        : StepResult.Outcome.DONE;
  }

  /** A step's keys are its own (a gather's digits); no other step hands them back. */
  private static List<ChannelEvent> withoutKeys(List<ChannelEvent> seen) {
    return seen.stream().filter(event -> !event.is(ChannelEvent.DTMF)).toList();
  }

  private void send(ChannelEvent event) {
    List<ChannelEvent> step = stepEvents.get();
    if (step != null) {
      step.add(event);
      // As the bridge: a dialled channel's first progress is signalled too, so the call rings.
      boolean progress =
          event.is(ChannelEvent.CHANNEL_PROGRESS) || event.is(ChannelEvent.CHANNEL_PROGRESS_MEDIA);
      if (!progress || !ringingSignalled.add(event.channelUuid())) {
        return;
      }
    }
    client
        .newWorkflowStub(CallWorkflow.class, CallRequest.workflowId(callId))
        .onChannelEvent(event);
  }
}
