package io.irisx.workflows.call;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.activities.CallControlActivities;
import io.irisx.workflows.activities.CallDetailRecord;
import io.irisx.workflows.activities.CallTransition;
import io.irisx.workflows.activities.ChannelSnapshot;
import io.irisx.workflows.activities.InboundCallRegistration;
import io.irisx.workflows.activities.OriginateCommand;
import io.irisx.workflows.admission.CallSlot;
import io.irisx.workflows.flow.CallFlow;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.CallerHungUpException;
import io.irisx.workflows.flow.FlowTransfer;
import io.irisx.workflows.flow.Gather;
import io.irisx.workflows.flow.GatherResult;
import io.irisx.workflows.flow.Record;
import io.irisx.workflows.flow.Recording;
import io.irisx.workflows.webhook.CallEventRecord;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * One call. Outbound: pick a node, originate on it, follow the channel's events, run the call flow
 * once answered, hang up, write the CDR. Inbound: the channel is already parked on its node; the
 * flow runs at once and answers it (explicitly, or by its first prompt). Waiting is always bounded
 * by a watchdog that asks the switch about the channel, so a call whose events were lost (worker or
 * ESL link down) still ends.
 */
public final class CallWorkflowImpl implements CallWorkflow {
  private static final Logger log = Workflow.getLogger(CallWorkflowImpl.class);

  private final CallFlows flows;
  private CallBookkeeping bookkeeping = CallBookkeeping.regular();
  private final ChannelTracker channel = new ChannelTracker();
  private final CallRecorder recorder = new CallRecorder(this);

  /** The call's slot under its tenant's limits; null for calls that run under none. */
  private CallSlot slot;

  private boolean slotGranted;
  private final CallDialer dialer = new CallDialer(this);

  private CallRequest request;
  private String nodeId;
  private String channelUuid;
  private CallControlActivities control;

  /** Calls since {@link #STEPS_CHANGE}: steps that own their events; null for calls before. */
  private CallSteps steps;

  private boolean stepsOwnEvents;
  private int timelineSequence;

  /** The flow to run and its parameters; a redirect or a transfer replaces them. */
  private String flowName;

  private Map<String, Object> flowParams = Map.of();
  private CallCommands.Redirect pendingRedirect;
  private boolean flowRunning;

  /** A prompt of the flow is playing (from its broadcast until its end). */
  private boolean promptPlaying;

  private final LivePlays livePlays = new LivePlays();

  /** Live plays queue behind the flow's prompt or cut it, and the flow waits for them. */
  static final String LIVE_PLAY_MODES_CHANGE = "live-play-modes";

  /** Calls started before webhooks existed replay without publishing (see {@link #publish}). */
  private boolean publishesWebhooks;

  private long webhookSequence;

  /** The status operators can search by (CallStatus); upserted only when it changes. */
  private CallStatus indexedStatus;

  /** Events are handed over one after another, in order, without holding the call up. */
  private Promise<Void> publishing = Workflow.newPromise(null);

  /** What the flows noted for the CDR, in key order so the record is the same on every replay. */
  private final Map<String, Object> flowMetadata = new java.util.TreeMap<>();

  public CallWorkflowImpl() {
    this(CallFlows.shipped());
  }

  public CallWorkflowImpl(CallFlows flows) {
    this.flows = flows;
  }

  @Override
  public CallResult run(CallRequest request) {
    this.request = request;
    this.flowName = request.flow();
    this.flowParams = request.params();
    bookkeeping = CallBookkeeping.forThisCall(request);
    publishesWebhooks = Workflow.getVersion(WEBHOOKS_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1;
    stepsOwnEvents = Workflow.getVersion(STEPS_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1;
    CallSearchAttributes.upsert(request, CallStatus.QUEUED);
    indexedStatus = CallStatus.QUEUED;
    Instant startedAt;
    if (request.inbound() == null) {
      record("call.queued", CallStatus.QUEUED, now(), null);
      if (Workflow.getVersion(ADMISSION_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1 && !takeSlot()) {
        return canceledInQueue();
      }
      startedAt = originate();
      awaitChannel(() -> channel.answered() || channel.ended());
      if (request.record() && channel.answered() && !channel.ended()) {
        recorder.recordWholeCall();
      }
    } else {
      startedAt = acceptInbound(request.inbound());
    }
    String platformHangupCause = HangupCause.NORMAL_CLEARING.name();
    if (!channel.ended() && !runFlow()) {
      platformHangupCause = HangupCause.NORMAL_TEMPORARY_FAILURE.name();
      if (stepsOwnEvents) {
        channel.flowFailed();
      }
    }
    if (!channel.ended()) {
      hangUp(platformHangupCause);
    }
    if (slot != null) {
      slot.release();
    }
    flushTimeline();
    recorder.uploadWholeCall();
    CallDetailRecord cdr = detailRecord(startedAt);
    bookkeeping.records().writeCdr(cdr);
    if (cdr.status() != CallStatus.COMPLETED) {
      publish(WebhookEventTypes.CALL_FAILED, cdrData(cdr));
    }
    publish(WebhookEventTypes.CALL_COMPLETED, cdrData(cdr));
    // A recording still uploading keeps the call open: its row must end available or failed.
    recorder.awaitUploads();
    awaitPublished();
    return new CallResult(request.callId(), channel.status(), channel.hangupCause(), billSeconds());
  }

  @Override
  public void onChannelEvent(ChannelEvent event) {
    // A dial's second leg names this call too; its events are the dialer's, not the channel's.
    if (!dialer.apply(event)) {
      channel.apply(event);
    }
  }

  @Override
  public void onSlotGranted() {
    slotGranted = true;
    if (slot != null) {
      slot.onGranted();
    }
  }

  /**
   * Call-control steps that wait on the node for their outcome ({@link CallStepActivities}) instead
   * of signals per channel event and a watchdog; calls started before replay as they ran.
   */
  static final String STEPS_CHANGE = "steps-own-events";

  // --- admission under the tenant's call limits (io.irisx.workflows.admission) ---

  static final String ADMISSION_CHANGE = "tenant-call-admission";

  /** Waits for a slot if the API queued the call; false when the maximum wait passed first. */
  private boolean takeSlot() {
    slot = new CallSlot(request);
    if (slotGranted) {
      slot.onGranted();
    }
    if (!slot.queued()) {
      return slot.acquire();
    }
    record(
        "call.waiting",
        CallStatus.QUEUED,
        now(),
        "over the tenant's call limits: waiting for a slot");
    if (!slot.acquire()) {
      return false;
    }
    record("call.admitted", CallStatus.QUEUED, now(), "a slot is free");
    return true;
  }

  /**
   * The call never got a slot: canceled, with the reason in its timeline and CDR, never dialled.
   */
  private CallResult canceledInQueue() {
    String reason =
        "queue-timeout: no slot within "
            + request.admission().maxWaitSeconds()
            + " s under the tenant's call limits";
    Instant endedAt = now();
    record("call.canceled", CallStatus.CANCELED, endedAt, reason);
    Instant queuedAt = Instant.ofEpochMilli(Workflow.getInfo().getRunStartedTimestampMillis());
    CallDetailRecord cdr =
        new CallDetailRecord(
            request.callId(),
            request.tenantId(),
            CallStatus.CANCELED,
            null,
            null,
            null,
            null,
            endedAt,
            Math.max(0, Duration.between(queuedAt, endedAt).toSeconds()),
            0,
            null,
            null,
            Map.of("irisx.cancelReason", reason),
            null,
            null);
    bookkeeping.records().writeCdr(cdr);
    publish(WebhookEventTypes.CALL_FAILED, cdrData(cdr));
    publish(WebhookEventTypes.CALL_COMPLETED, cdrData(cdr));
    awaitPublished();
    return new CallResult(request.callId(), CallStatus.CANCELED, null, 0);
  }

  @Override
  public CallState state() {
    return new CallState(
        request == null ? null : request.callId(),
        channel.status(),
        nodeId,
        channelUuid,
        channel.hangupCause(),
        request == null || request.inbound() == null ? "outbound" : "inbound",
        pendingRedirect != null ? pendingRedirect.flow() : flowName,
        channel.answered(),
        channel.ended(),
        promptPlaying);
  }

  // --- live control from the API (updates); validators refuse what the call's state cannot take
  // ---

  @Override
  public void validateHangup(CallCommands.Hangup command) {
    requireNotEnded();
    if (command.cause() != null && !HangupCause.isName(command.cause())) {
      throw new IllegalArgumentException("not a Q.850 cause name: " + command.cause());
    }
  }

  @Override
  public CallState hangup(CallCommands.Hangup command) {
    String cause = command.cause() == null ? HangupCause.NORMAL_CLEARING.name() : command.cause();
    // Between the start and the originate there is no channel to hang up yet; it comes at once.
    Workflow.await(() -> channelUuid != null || channel.ended());
    if (!channel.ended()) {
      record("call.hangup-requested", channel.status(), now(), cause);
      if (!channel.answered() && request.inbound() == null) {
        // The platform's client called it off before the far end answered.
        channel.cancelRequested();
      }
      hangUp(cause);
    }
    return state();
  }

  @Override
  public void validatePlay(CallCommands.Play command) {
    requireAnsweredAndUp();
    if (command.media() == null || command.media().isBlank()) {
      throw new IllegalArgumentException("nothing to play");
    }
    if (!CallCommands.Play.INTERRUPT.equals(command.mode())
        && !CallCommands.Play.QUEUE.equals(command.mode())) {
      throw new IllegalArgumentException("mode must be interrupt or queue");
    }
  }

  /**
   * The switch queues a broadcast behind the prompt playing: {@code queue} leaves it there (the
   * answer's promptPlaying says it waits), {@code interrupt} cuts the prompt first. Either way the
   * flow's prompt step then waits for the live media to end.
   */
  @Override
  public CallState play(CallCommands.Play command) {
    CallState before = state();
    int version = Workflow.getVersion(LIVE_PLAY_MODES_CHANGE, Workflow.DEFAULT_VERSION, 1);
    if (version == 1 && promptPlaying && CallCommands.Play.INTERRUPT.equals(command.mode())) {
      control.stopPrompt(channelUuid);
    }
    if (version == 1) {
      livePlays.started(command.media(), channel);
    }
    control.play(channelUuid, command.media());
    return before;
  }

  /** After a prompt of the flow: the live plays queued behind it or cut into it are heard out. */
  private void awaitLivePlays() {
    promptPlaying = false;
    if (livePlays.any()) {
      awaitChannel(() -> livePlays.allHeard(channel));
    }
  }

  @Override
  public void validateSendDigits(CallCommands.SendDigits command) {
    requireAnsweredAndUp();
    if (command.digits() == null || !command.digits().matches("[0-9A-Da-d*#wW]{1,64}")) {
      throw new IllegalArgumentException("digits must be 1..64 of 0-9 A-D * # w W");
    }
  }

  @Override
  public CallState sendDigits(CallCommands.SendDigits command) {
    control.sendDigits(channelUuid, command.digits());
    return state();
  }

  @Override
  public void validateRedirect(CallCommands.Redirect command) {
    requireNotEnded();
    if (!flows.contains(command.flow())) {
      throw new IllegalArgumentException("unknown flow: " + command.flow());
    }
  }

  @Override
  public CallState redirect(CallCommands.Redirect command) {
    // The running flow stops at its next step, or at once if it is waiting (see interruptible
    // waits).
    pendingRedirect = command;
    return state();
  }

  private void requireNotEnded() {
    if (channel.ended()) {
      throw new IllegalStateException("the call has ended");
    }
  }

  private void requireAnsweredAndUp() {
    requireNotEnded();
    if (!channel.answered()) {
      throw new IllegalStateException("the call is not answered yet");
    }
  }

  private Instant originate() {
    nodeId = bookkeeping.nodes().pickNode(request.callId());
    // Chosen here, deterministically, so a retried originate finds the channel it already made.
    channelUuid = Workflow.randomUUID().toString();
    control = nodeControl(nodeId);
    Instant at = now();
    if (stepsOwnEvents) {
      return originateOwningEvents(at);
    }
    try {
      control.originate(
          new OriginateCommand(
              request.callId(),
              channelUuid,
              request.from(),
              request.to(),
              request.ringTimeoutSeconds()));
      record("call.originated", CallStatus.QUEUED, at, "node " + nodeId);
    } catch (ActivityFailure failure) {
      log.warn("originate failed for call {}", request.callId(), failure);
      channel.originateRefused(now(), null, rootMessage(failure));
    }
    return at;
  }

  private Instant originateOwningEvents(Instant at) {
    steps = new CallSteps(nodeId, request.callId(), channelUuid, channel);
    record("call.originated", CallStatus.QUEUED, at, "node " + nodeId);
    try {
      steps.originate(
          new OriginateCommand(
              request.callId(),
              channelUuid,
              request.from(),
              request.to(),
              request.ringTimeoutSeconds()),
          this::flushTimeline);
    } catch (ActivityFailure failure) {
      log.warn("originate failed for call {}", request.callId(), failure);
      channel.originateRefused(now(), null, rootMessage(failure));
    }
    return at;
  }

  /** Takes over a channel the node's dialplan parked: the call row first, then the flow. */
  private Instant acceptInbound(InboundLeg leg) {
    nodeId = leg.nodeId();
    channelUuid = leg.channelUuid();
    control = nodeControl(nodeId);
    if (stepsOwnEvents) {
      steps = new CallSteps(nodeId, request.callId(), channelUuid, channel);
    }
    Instant arrivedAt =
        leg.parkedAtMicros() > 0 ? Instant.EPOCH.plusNanos(leg.parkedAtMicros() * 1_000L) : now();
    bookkeeping
        .records()
        .registerInbound(
            new InboundCallRegistration(
                request.callId(),
                request.tenantId(),
                request.from(),
                request.to(),
                request.flow(),
                leg.phoneNumberId(),
                nodeId,
                channelUuid,
                arrivedAt,
                leg.callerRaw() == null ? request.from() : leg.callerRaw()));
    publish(WebhookEventTypes.CALL_INITIATED, callData());
    channel.arrived(arrivedAt);
    return arrivedAt;
  }

  private static CallControlActivities nodeControl(String nodeId) {
    return Workflow.newActivityStub(
        CallControlActivities.class,
        ActivityOptions.newBuilder().setTaskQueue(TaskQueues.node(nodeId)).build());
  }

  /**
   * Runs the call's flow, and the flows a redirect or a transfer hands the call to; false when a
   * step failed for good (the switch refused it, its retries ran out). The call is then still hung
   * up and its CDR written: a failed step must not lose the call.
   */
  private boolean runFlow() {
    while (true) {
      if (pendingRedirect != null) {
        switchFlow(pendingRedirect.flow(), pendingRedirect.params(), "call.redirected");
      }
      Optional<CallFlow> flow = flows.create(flowName);
      if (flow.isEmpty()) {
        record("call.flow-failed", channel.status(), now(), "unknown flow " + flowName);
        return false;
      }
      FlowTransfer transfer = null;
      flowRunning = true;
      try {
        flow.get().run(new WorkflowCall(this));
      } catch (FlowTransfer requested) {
        transfer = requested;
      } catch (RedirectInterruption redirected) {
        // the loop's top switches to the redirect's flow
      } catch (CallerHungUpException hungUp) {
        log.info("call {}: the caller hung up during the flow", request.callId());
        return true;
      } catch (ActivityFailure failure) {
        log.warn("call {}: the flow stopped: {}", request.callId(), rootMessage(failure));
        record("call.flow-failed", channel.status(), now(), rootMessage(failure));
        return false;
      } finally {
        flowRunning = false;
      }
      if (channel.ended()) {
        return true;
      }
      if (pendingRedirect != null) {
        continue;
      }
      if (transfer == null) {
        return true;
      }
      switchFlow(transfer.flow(), transfer.params(), "call.transferred");
    }
  }

  /** The next flow takes over; a prompt the last one left playing stops first. */
  private void switchFlow(String flow, Map<String, Object> params, String eventType) {
    pendingRedirect = null;
    flowName = flow;
    flowParams = params;
    CallSearchAttributes.upsertFlow(flow);
    record(eventType, channel.status(), now(), flow);
    if (channel.answered() && !channel.ended()) {
      control.stopPrompt(channelUuid);
    }
  }

  // --- what the Call handle asks of its workflow ---

  CallRequest request() {
    return request;
  }

  Map<String, Object> flowParams() {
    return flowParams;
  }

  io.irisx.workflows.flow.DialResult dial(io.irisx.workflows.flow.Dial dial) {
    return dialer.dial(dial);
  }

  // --- what the dialer needs of the call ---

  CallControlActivities control() {
    return control;
  }

  String channelUuid() {
    return channelUuid;
  }

  String nodeId() {
    return nodeId;
  }

  boolean channelEnded() {
    return channel.ended();
  }

  void requireUpAndNotRedirected() {
    requireUp();
    stopIfRedirected();
  }

  /** A step of the call's timeline with the channel's current status. */
  void recordStep(String eventType, String detail) {
    record(eventType, channel.status(), now(), detail);
  }

  void flushSteps() {
    flushTimeline();
  }

  /** After a quiet watchdog period: a channel the switch no longer has ended unseen. */
  void checkChannel() {
    if (!channel.ended() && !control.inspect(channelUuid).exists()) {
      channel.channelLost(now());
    }
  }

  GatherResult gather(Gather gather) {
    answer();
    GatherResult.Ending ending = GatherResult.Ending.TIMEOUT;
    for (int attempt = 1; attempt <= gather.attempts(); attempt++) {
      String input;
      if (steps != null) {
        promptPlaying = gather.prompt() != null;
        StepResult gathered;
        try {
          gathered = steps.settle(awaitStep(steps.gather(gather)));
        } finally {
          promptPlaying = false;
        }
        requireUp();
        if (gathered.detail() != null) {
          record("call.media-failed", channel.status(), now(), gathered.detail());
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
        record(
            "call.gathered",
            channel.status(),
            now(),
            input.length() + " digit(s), " + ending + ", attempt " + attempt);
        Map<String, Object> gathered = callData();
        gathered.put("digits", input);
        gathered.put("ending", ending.name());
        gathered.put("attempts", attempt);
        publish(WebhookEventTypes.GATHER_COMPLETED, gathered);
        return new GatherResult(input, ending, attempt);
      }
      record(
          "call.gather-retry",
          channel.status(),
          now(),
          (input.isEmpty() ? "no input" : "invalid input") + ", attempt " + attempt);
    }
    return new GatherResult("", ending, gather.attempts());
  }

  private GatherResult.Ending collectDigits(Gather gather, StringBuilder typed, long deadline) {
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
                () -> channel.hasTypedDigit() || channel.ended() || redirectWaiting());
        requireUp();
        stopIfRedirected();
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

  /** Plays a prompt until it ends or the caller starts typing, whichever comes first. */
  private void promptUntilFirstDigit(String media) {
    requireUp();
    int finishedBefore = channel.finishedPlaybacks(media);
    promptPlaying = true;
    control.play(channelUuid, media);
    awaitChannel(
        () ->
            channel.finishedPlaybacks(media) > finishedBefore
                || channel.hasTypedDigit()
                || channel.ended(),
        snapshot -> {
          boolean stillPlaying =
              "playback".equals(snapshot.application())
                  && ChannelTracker.isPlaying(snapshot.applicationData(), media);
          if (!stillPlaying) {
            channel.playbackFinished(media);
          }
        });
    requireUp();
    if (channel.finishedPlaybacks(media) == finishedBefore) {
      control.stopPrompt(channelUuid);
    }
    awaitLivePlays();
  }

  Recording recordCaller(Record options) {
    return recorder.record(options);
  }

  // --- what the recorder needs of its call ---

  ChannelTracker channel() {
    return channel;
  }

  /** Whether the call's steps own their events (see {@link #STEPS_CHANGE}). */
  boolean stepsOwnEvents() {
    return stepsOwnEvents;
  }

  Duration watchdog() {
    return Duration.ofSeconds(request.watchdogSeconds());
  }

  /** A step of the call's timeline that is not a status change. */
  void timeline(String eventType, String detail) {
    record(eventType, channel.status(), now(), detail);
  }

  /** Asks the switch whether the channel still exists; a vanished channel ends the call. */
  void checkChannelStillThere() {
    if (channelUuid != null && !channel.ended() && !control.inspect(channelUuid).exists()) {
      channel.channelLost(now());
    }
  }

  void annotate(String key, Object value) {
    if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("metadata keys are 1..64 letters, digits, _ . -: " + key);
    }
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new IllegalArgumentException("metadata values are text, numbers or booleans: " + key);
    }
    flowMetadata.put(key, value);
  }

  void sendDigits(String digits) {
    answer();
    control.sendDigits(channelUuid, digits);
  }

  void pause(Duration duration) {
    requireUp();
    stopIfRedirected();
    Workflow.await(duration, () -> channel.ended() || redirectWaiting());
    requireUp();
    stopIfRedirected();
  }

  /** A redirect is waiting for the running flow to stop. */
  boolean redirectWaiting() {
    return flowRunning && pendingRedirect != null;
  }

  /** Leaves the running flow at this step when the API redirected the call. */
  private void stopIfRedirected() {
    if (redirectWaiting()) {
      throw new RedirectInterruption();
    }
  }

  void answer() {
    requireUp();
    stopIfRedirected();
    if (channel.answered()) {
      return;
    }
    if (steps != null) {
      steps.answer();
      requireUp();
      return;
    }
    control.answer(channelUuid);
    awaitChannel(
        () -> channel.answered() || channel.ended(),
        snapshot -> {
          if (snapshot.answered()) {
            channel.answeredUnseen(now());
          }
        });
    requireUp();
  }

  /** Speech and URL media (io.irisx.workflows.flow.Media); their playbacks are matched by kind. */
  static final String MEDIA_KINDS_CHANGE = "play-media-kinds";

  void play(String media) {
    if (media.startsWith(io.irisx.workflows.flow.Media.SPEECH_PREFIX)
        || media.startsWith(io.irisx.workflows.flow.Media.URL_PREFIX)) {
      Workflow.getVersion(MEDIA_KINDS_CHANGE, Workflow.DEFAULT_VERSION, 1);
    }
    answer();
    if (steps != null) {
      // A live play meanwhile queues behind the prompt on the switch, or cuts it (interrupt); its
      // end, which no step takes, is signalled, and the flow waits for it before its next step.
      promptPlaying = true;
      StepResult played;
      try {
        played = steps.settle(awaitStep(steps.play(media)));
      } finally {
        promptPlaying = false;
      }
      requireUp();
      if (played.outcome() == StepResult.Outcome.MEDIA_FAILED) {
        // The flow goes on, as after a prompt the caller did not listen to; the timeline says why.
        record("call.media-failed", channel.status(), now(), played.detail());
      }
      awaitLivePlays();
      requireUp();
      return;
    }
    int finishedBefore = channel.finishedPlaybacks(media);
    promptPlaying = true;
    control.play(channelUuid, media);
    awaitChannel(
        () -> channel.finishedPlaybacks(media) > finishedBefore || channel.ended(),
        snapshot -> {
          boolean stillPlaying =
              "playback".equals(snapshot.application())
                  && ChannelTracker.isPlaying(snapshot.applicationData(), media);
          if (!stillPlaying) {
            channel.playbackFinished(media);
          }
        });
    awaitLivePlays();
    requireUp();
  }

  void hangUp(String cause) {
    if (channel.ended()) {
      return;
    }
    channel.hangupRequested(cause);
    if (steps != null) {
      steps.hangup(cause);
      if (!channel.ended()) {
        channel.channelLost(now());
      }
      flushTimeline();
      return;
    }
    control.hangup(channelUuid, cause);
    awaitChannel(channel::ended);
  }

  /**
   * Waits for a step on the node; a redirect stops the flow at once (the step's prompt is stopped
   * by the flow that takes over, and what the step saw is still folded in when it completes).
   */
  private StepResult awaitStep(Promise<StepResult> step) {
    Workflow.await(() -> step.isCompleted() || redirectWaiting());
    stopIfRedirected();
    return step.get();
  }

  private void requireUp() {
    if (channel.ended()) {
      throw new CallerHungUpException(channel.hangupCause());
    }
  }

  // --- waiting, bounded by the watchdog ---

  private void awaitChannel(BooleanSupplier done) {
    awaitChannel(done, snapshot -> {});
  }

  /**
   * Waits until {@code done}, recording timeline steps as they come. After a quiet watchdog period
   * it inspects the channel: gone means the call ended unseen; otherwise {@code onAlive} decides.
   */
  private void awaitChannel(
      BooleanSupplier done, java.util.function.Consumer<ChannelSnapshot> onAlive) {
    Duration watchdog = Duration.ofSeconds(request.watchdogSeconds());
    while (steps != null) {
      // No watchdog: the node reconciler signals a channel that vanished.
      flushTimeline();
      if (done.getAsBoolean()) {
        return;
      }
      Workflow.await(() -> done.getAsBoolean() || channel.hasPendingSteps() || redirectWaiting());
      stopIfRedirected();
    }
    while (true) {
      flushTimeline();
      if (done.getAsBoolean()) {
        return;
      }
      boolean woken =
          Workflow.await(
              watchdog,
              () -> done.getAsBoolean() || channel.hasPendingSteps() || redirectWaiting());
      stopIfRedirected();
      if (!woken && channelUuid != null) {
        ChannelSnapshot snapshot = control.inspect(channelUuid);
        if (!snapshot.exists()) {
          channel.channelLost(now());
        } else {
          onAlive.accept(snapshot);
        }
      }
    }
  }

  // --- the record ---

  void flushTimeline() {
    for (ChannelTracker.Step step = channel.nextPendingStep();
        step != null;
        step = channel.nextPendingStep()) {
      record(step.eventType(), step.status(), step.occurredAt(), step.detail());
    }
  }

  // --- webhooks ---

  static final String WEBHOOKS_CHANGE = "publish-webhooks";

  /**
   * Hands an event to the webhook publisher, after the ones before it. A publish that fails for
   * good (a malformed event) is logged, never allowed to fail the call.
   */
  void publish(String type, Map<String, Object> data) {
    if (!publishesWebhooks) {
      return;
    }
    CallEventRecord event =
        new CallEventRecord(
            request.tenantId(),
            request.callId(),
            ++webhookSequence,
            type,
            now(),
            data,
            request.webhookUrl());
    publishing =
        publishing.thenCompose(
            previous ->
                Async.function(bookkeeping.webhooks()::publish, event)
                    .<Void>handle(
                        (published, failure) -> {
                          if (failure != null) {
                            log.warn(
                                "call {}: {} not published: {}",
                                request.callId(),
                                type,
                                rootMessage(failure));
                          }
                          return null;
                        }));
  }

  private void awaitPublished() {
    publishing.get();
  }

  Map<String, Object> callData() {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("direction", request.inbound() == null ? "outbound" : "inbound");
    data.put("from", request.from());
    data.put("to", request.to());
    data.put("flow", flowName);
    data.values().removeIf(java.util.Objects::isNull);
    return data;
  }

  /** The CDR as webhook data; a field the call never had (no answer, no cause) is left out. */
  private Map<String, Object> cdrData(CallDetailRecord cdr) {
    Map<String, Object> data = callData();
    data.put("status", cdr.status().wireName());
    data.put("nodeId", cdr.nodeId());
    data.put("ringingAt", cdr.ringingAt());
    data.put("answeredAt", cdr.answeredAt());
    data.put("endedAt", cdr.endedAt());
    data.put("durationSeconds", cdr.durationSeconds());
    data.put("billSeconds", cdr.billSeconds());
    data.put("hangupCause", cdr.hangupCause());
    data.put("hangupCauseCode", cdr.hangupCauseCode());
    data.put("sipCode", cdr.sipCode());
    data.put("hungUpBy", cdr.hungUpBy());
    data.put("metadata", cdr.metadata() == null ? Map.of() : cdr.metadata());
    data.replaceAll((key, value) -> value instanceof Instant at ? at.toString() : value);
    data.values().removeIf(java.util.Objects::isNull);
    return data;
  }

  private void record(String eventType, CallStatus status, Instant at, String detail) {
    bookkeeping
        .records()
        .recordTransition(
            new CallTransition(
                request.callId(),
                request.tenantId(),
                ++timelineSequence,
                eventType,
                status,
                at,
                nodeId,
                channelUuid,
                detail));
    if (status != null && status != indexedStatus) {
      CallSearchAttributes.upsertStatus(status);
      indexedStatus = status;
    }
    switch (eventType) {
      case "call.originated" -> publish(WebhookEventTypes.CALL_INITIATED, callData());
      case "call.ringing" -> publish(WebhookEventTypes.CALL_RINGING, callData());
      case "call.answered" -> publish(WebhookEventTypes.CALL_ANSWERED, callData());
      default -> {
        // the other steps are the timeline's, not events of the webhook API
      }
    }
  }

  private CallDetailRecord detailRecord(Instant originatedAt) {
    Instant endedAt = channel.endedAt() == null ? now() : channel.endedAt();
    return new CallDetailRecord(
        request.callId(),
        request.tenantId(),
        channel.status(),
        nodeId,
        channelUuid,
        channel.ringingAt(),
        channel.answeredAt(),
        endedAt,
        Math.max(0, Duration.between(originatedAt, endedAt).toSeconds()),
        billSeconds(),
        channel.hangupCause(),
        HangupCause.q850(channel.hangupCause()).orElse(null),
        flowMetadata.isEmpty() ? null : Map.copyOf(flowMetadata),
        channel.sipCode(),
        channel.hungUpBy(request.inbound() != null));
  }

  private long billSeconds() {
    if (channel.answeredAt() == null || channel.endedAt() == null) {
      return 0;
    }
    return Math.max(0, Duration.between(channel.answeredAt(), channel.endedAt()).toSeconds());
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
