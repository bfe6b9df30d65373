package io.irisx.workflows.call.verbs;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.CallCommands;
import io.irisx.workflows.call.CallControlActivities;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallState;
import io.irisx.workflows.flow.CallerHungUpException;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the verbs of one call share: its request, the node and channel it runs on, what the switch
 * said of that channel, the steps on the node, the flow running and a redirect waiting for it.
 * Workflow code: deterministic; its only command is the bookkeeping's version marker ({@link
 * #begin}).
 */
final class CallSession {
  private final ChannelTracker channel = new ChannelTracker();
  private final LivePlays livePlays = new LivePlays();
  private CallBookkeeping bookkeeping = CallBookkeeping.regular();
  private CallRequest request;

  /** Whether the call's steps own their events (see {@link CallRun#STEPS_CHANGE}). */
  private boolean stepsOwnEvents;

  private String nodeId;
  private String channelUuid;
  private CallControlActivities control;

  /** Calls since {@link CallRun#STEPS_CHANGE}: steps that own their events; else null. */
  private CallSteps steps;

  /** The flow to run and its parameters; a redirect or a transfer replaces them. */
  private String flowName;

  private Map<String, Object> flowParams = Map.of();
  private CallCommands.Redirect pendingRedirect;
  private boolean flowRunning;

  /** A prompt of the flow is playing (from its broadcast until its end). */
  private boolean promptPlaying;

  /** The call's request, and the bookkeeping decided for it (the first version marker). */
  void begin(CallRequest request) {
    this.request = request;
    this.flowName = request.flow();
    this.flowParams = request.params();
    this.bookkeeping = CallBookkeeping.forThisCall(request);
  }

  void decideSteps(boolean stepsOwnEvents) {
    this.stepsOwnEvents = stepsOwnEvents;
  }

  /** The channel the call runs on; from here on the call's steps go to its node. */
  void onNode(String nodeId, String channelUuid) {
    this.nodeId = nodeId;
    this.channelUuid = channelUuid;
    this.control =
        Workflow.newActivityStub(
            CallControlActivities.class,
            ActivityOptions.newBuilder().setTaskQueue(TaskQueues.node(nodeId)).build());
  }

  /** Steps that own their events, for the calls since {@link CallRun#STEPS_CHANGE}. */
  void ownEventsOnNode() {
    steps = new CallSteps(nodeId, request.callId(), channelUuid, channel);
  }

  CallRequest request() {
    return request;
  }

  CallBookkeeping bookkeeping() {
    return bookkeeping;
  }

  ChannelTracker channel() {
    return channel;
  }

  LivePlays livePlays() {
    return livePlays;
  }

  boolean stepsOwnEvents() {
    return stepsOwnEvents;
  }

  String nodeId() {
    return nodeId;
  }

  String channelUuid() {
    return channelUuid;
  }

  CallControlActivities control() {
    return control;
  }

  /** The steps on the node, or null for a call of the older shape (signals and a watchdog). */
  CallSteps steps() {
    return steps;
  }

  String flowName() {
    return flowName;
  }

  Map<String, Object> flowParams() {
    return flowParams;
  }

  boolean inbound() {
    return request.inbound() != null;
  }

  Duration watchdog() {
    return Duration.ofSeconds(request.watchdogSeconds());
  }

  // --- the flow running, and a redirect waiting for it ---

  CallCommands.Redirect pendingRedirect() {
    return pendingRedirect;
  }

  void redirect(CallCommands.Redirect command) {
    pendingRedirect = command;
  }

  /** The next flow takes over; a redirect that asked for it is done. */
  void switchFlow(String flow, Map<String, Object> params) {
    pendingRedirect = null;
    flowName = flow;
    flowParams = params;
  }

  void flowRunning(boolean running) {
    flowRunning = running;
  }

  /** A redirect is waiting for the running flow to stop. */
  boolean redirectWaiting() {
    return flowRunning && pendingRedirect != null;
  }

  boolean promptPlaying() {
    return promptPlaying;
  }

  void promptPlaying(boolean playing) {
    promptPlaying = playing;
  }

  // --- guards the verbs share ---

  void requireUp() {
    if (channel.ended()) {
      throw new CallerHungUpException(channel.hangupCause());
    }
  }

  /** Leaves the running flow at this step when the API redirected the call. */
  void stopIfRedirected() {
    if (redirectWaiting()) {
      throw new RedirectInterruption();
    }
  }

  void requireUpAndNotRedirected() {
    requireUp();
    stopIfRedirected();
  }

  /** The call's live view, as the state query answers it. */
  CallState state() {
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

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
