package io.irisx.workflows.call;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.activities.CallControlActivities;
import io.irisx.workflows.activities.CallDetailRecord;
import io.irisx.workflows.activities.CallRecordActivities;
import io.irisx.workflows.activities.CallTransition;
import io.irisx.workflows.activities.InboundCallRegistration;
import io.irisx.workflows.activities.ChannelSnapshot;
import io.irisx.workflows.activities.NodeDirectoryActivities;
import io.irisx.workflows.activities.OriginateCommand;
import io.irisx.workflows.flow.CallFlow;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.CallerHungUpException;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * One call. Outbound: pick a node, originate on it, follow the channel's events, run the call flow
 * once answered, hang up, write the CDR. Inbound: the channel is already parked on its node; the
 * flow runs at once and answers it (explicitly, or by its first prompt). Waiting is always bounded by a watchdog that asks the
 * switch about the channel, so a call whose events were lost (worker or ESL link down) still ends.
 */
public final class CallWorkflowImpl implements CallWorkflow {
  private static final Logger log = Workflow.getLogger(CallWorkflowImpl.class);

  private final CallFlows flows;
  private final NodeDirectoryActivities nodes =
      Workflow.newActivityStub(NodeDirectoryActivities.class);
  private final CallRecordActivities records = Workflow.newActivityStub(CallRecordActivities.class);
  private final ChannelTracker channel = new ChannelTracker();

  private CallRequest request;
  private String nodeId;
  private String channelUuid;
  private CallControlActivities control;
  private int timelineSequence;

  public CallWorkflowImpl() {
    this(CallFlows.shipped());
  }

  public CallWorkflowImpl(CallFlows flows) {
    this.flows = flows;
  }

  @Override
  public CallResult run(CallRequest request) {
    this.request = request;
    Instant startedAt;
    if (request.inbound() == null) {
      record("call.queued", CallStatus.QUEUED, now(), null);
      startedAt = originate();
      awaitChannel(() -> channel.answered() || channel.ended());
    } else {
      startedAt = acceptInbound(request.inbound());
    }
    String platformHangupCause = HangupCause.NORMAL_CLEARING;
    if (!channel.ended() && !runFlow()) {
      platformHangupCause = HangupCause.NORMAL_TEMPORARY_FAILURE;
    }
    if (!channel.ended()) {
      hangUp(platformHangupCause);
    }
    flushTimeline();
    records.writeCdr(detailRecord(startedAt));
    return new CallResult(
        request.callId(), channel.status(), channel.hangupCause(), billSeconds());
  }

  @Override
  public void onChannelEvent(ChannelEvent event) {
    channel.apply(event);
  }

  @Override
  public CallState state() {
    return new CallState(
        request == null ? null : request.callId(),
        channel.status(),
        nodeId,
        channelUuid,
        channel.hangupCause());
  }

  private Instant originate() {
    nodeId = nodes.pickNode(request.callId());
    // Chosen here, deterministically, so a retried originate finds the channel it already made.
    channelUuid = Workflow.randomUUID().toString();
    control = nodeControl(nodeId);
    Instant at = now();
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

  /** Takes over a channel the node's dialplan parked: the call row first, then the flow. */
  private Instant acceptInbound(InboundLeg leg) {
    nodeId = leg.nodeId();
    channelUuid = leg.channelUuid();
    control = nodeControl(nodeId);
    Instant arrivedAt =
        leg.parkedAtMicros() > 0 ? Instant.EPOCH.plusNanos(leg.parkedAtMicros() * 1_000L) : now();
    records.registerInbound(
        new InboundCallRegistration(
            request.callId(),
            request.tenantId(),
            request.from(),
            request.to(),
            request.flow(),
            leg.phoneNumberId(),
            nodeId,
            channelUuid,
            arrivedAt));
    channel.arrived(arrivedAt);
    return arrivedAt;
  }

  private static CallControlActivities nodeControl(String nodeId) {
    return Workflow.newActivityStub(
        CallControlActivities.class,
        ActivityOptions.newBuilder().setTaskQueue(TaskQueues.node(nodeId)).build());
  }

  /**
   * Runs the call's flow; false when a step failed for good (the switch refused it, its retries ran
   * out). The call is then still hung up and its CDR written: a failed step must not lose the call.
   */
  private boolean runFlow() {
    CallFlow flow =
        flows
            .create(request.flow())
            .orElseThrow(() -> new IllegalStateException("unknown flow " + request.flow()));
    try {
      flow.run(new WorkflowCall(this));
    } catch (CallerHungUpException hungUp) {
      log.info("call {}: the caller hung up during the flow", request.callId());
    } catch (ActivityFailure failure) {
      log.warn("call {}: the flow stopped: {}", request.callId(), rootMessage(failure));
      record("call.flow-failed", channel.status(), now(), rootMessage(failure));
      return false;
    }
    return true;
  }

  // --- what the Call handle asks of its workflow ---

  CallRequest request() {
    return request;
  }

  void answer() {
    requireUp();
    if (channel.answered()) {
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

  void play(String media) {
    answer();
    int finishedBefore = channel.finishedPlaybacks(media);
    control.play(channelUuid, media);
    awaitChannel(
        () -> channel.finishedPlaybacks(media) > finishedBefore || channel.ended(),
        snapshot -> {
          boolean stillPlaying =
              "playback".equals(snapshot.application()) && media.equals(snapshot.applicationData());
          if (!stillPlaying) {
            channel.playbackFinished(media);
          }
        });
    requireUp();
  }

  void hangUp(String cause) {
    if (channel.ended()) {
      return;
    }
    channel.hangupRequested(cause);
    control.hangup(channelUuid, cause);
    awaitChannel(channel::ended);
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
    while (true) {
      flushTimeline();
      if (done.getAsBoolean()) {
        return;
      }
      boolean woken =
          Workflow.await(watchdog, () -> done.getAsBoolean() || channel.hasPendingSteps());
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

  private void flushTimeline() {
    for (ChannelTracker.Step step = channel.nextPendingStep();
        step != null;
        step = channel.nextPendingStep()) {
      record(step.eventType(), step.status(), step.occurredAt(), step.detail());
    }
  }

  private void record(String eventType, CallStatus status, Instant at, String detail) {
    records.recordTransition(
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
        HangupCause.q850(channel.hangupCause()).orElse(null));
  }

  private long billSeconds() {
    if (channel.answeredAt() == null || channel.endedAt() == null) {
      return 0;
    }
    return Math.max(0, Duration.between(channel.answeredAt(), channel.endedAt()).toSeconds());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
