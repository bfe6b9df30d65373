package io.irisx.workflows.call;

import static io.irisx.workflows.call.FlowSideEffects.noteOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.CallerHungUpException;
import io.irisx.workflows.flow.Dial;
import io.irisx.workflows.flow.DialResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Call.dial} and the flows built on it ({@code ivr}, {@code click-to-call}) on the real call
 * workflow with time skipping: the second leg's events reach the call, the outcome is typed, the
 * talk time counted, and the CDR stays one row with the dial in its metadata.
 */
class DialFlowsTest {
  private static final String CUSTOMER = "+15550123";
  private static final String OPERATOR = "+15550100";
  private static final List<Object> outcomes = new CopyOnWriteArrayList<>();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final RecordedCall recorded = new RecordedCall();
  private ScriptedSwitch node;
  private String callId;
  private String channel;

  @BeforeEach
  void startEnvironment() {
    outcomes.clear();
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    CallFlows flows =
        CallFlows.builtIn()
            .with(
                "dial-then-goodbye",
                () ->
                    call -> {
                      try {
                        noteOnce(
                            outcomes,
                            call.dial(
                                Dial.number(CUSTOMER)
                                    .ringing(Duration.ofSeconds(20))
                                    .callerId("+15557770009")));
                        call.play("voicemail/vm-goodbye.wav");
                      } catch (CallerHungUpException hungUp) {
                        noteOnce(outcomes, hungUp);
                        throw hungUp;
                      }
                    });
    Worker calls = env.newWorker(TaskQueues.CALLS);
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(flows),
        ActivityCatalogue.workflowImplementationOptions());
    calls.registerActivitiesImplementations(recorded);
    callId = UUID.randomUUID().toString();
    channel = UUID.randomUUID().toString();
    node = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private void inbound(String flow, Map<String, Object> params) {
    node.inboundCall(callId);
    start(
        new CallRequest(
            callId,
            UUID.randomUUID().toString(),
            "+15557770001",
            "+15550199",
            flow,
            params,
            0,
            15,
            new InboundLeg("node-1", channel, null, 0),
            null));
  }

  private void outbound(String to, String flow, Map<String, Object> params) {
    start(
        new CallRequest(
            callId,
            UUID.randomUUID().toString(),
            "+15557770001",
            to,
            flow,
            params,
            30,
            15,
            null,
            null));
  }

  private void start(CallRequest request) {
    env.newWorker(TaskQueues.node("node-1")).registerActivitiesImplementations(node, node.steps());
    env.start();
    CallWorkflow workflow =
        client.newWorkflowStub(
            CallWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CallRequest.workflowId(callId))
                .setTaskQueue(TaskQueues.CALLS)
                .build());
    WorkflowClient.start(workflow::run, request);
  }

  private CallResult result() {
    var stub = client.newUntypedWorkflowStub(CallRequest.workflowId(callId));
    try {
      return stub.getResult(20, TimeUnit.SECONDS, CallResult.class);
    } catch (TimeoutException e) {
      throw new AssertionError("the call did not end; commands " + node.commands);
    }
  }

  private void awaitCommand(String command) {
    long until = System.currentTimeMillis() + 5_000;
    while (!node.commands.contains(command)) {
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("no " + command + " in " + node.commands);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void anAnsweredDialIsBridgedUntilTheOtherPartyHangsUpThenTheFlowGoesOn() {
    node.whenDialled(CUSTOMER, "answer");
    inbound("dial-then-goodbye", Map.of());
    awaitCommand("bridge");
    env.sleep(Duration.ofSeconds(95));
    node.otherPartyHangsUp(CUSTOMER);

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(outcomes)
        .singleElement()
        .isInstanceOfSatisfying(
            DialResult.class,
            dial -> {
              assertThat(dial.outcome()).isEqualTo(DialResult.Outcome.BRIDGED);
              assertThat(dial.hangupCause()).isEqualTo("NORMAL_CLEARING");
              // Timed from the workflow task that sees the bridge, which on a loaded machine may
              // run a moment of virtual time after the bridge command reached the switch.
              assertThat(dial.talkTime().toSeconds()).isBetween(92L, 100L);
            });
    assertThat(node.commands)
        .containsSubsequence(
            "answer",
            "dial " + CUSTOMER + " as +15557770009",
            "bridge",
            "play voicemail/vm-goodbye.wav",
            "hangup NORMAL_CLEARING");
    assertThat(recorded.timeline())
        .containsSubsequence(
            "call.dial-started",
            "call.dial-bridged",
            "call.dial-ended",
            "call.hangup",
            "call.completed");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> {
              assertThat(cdr.channelUuid()).isEqualTo(channel);
              assertThat(cdr.metadata())
                  .containsEntry("dial.outcome", "bridged")
                  .containsEntry("dial.to", CUSTOMER)
                  .containsEntry("dial.hangupCause", "NORMAL_CLEARING");
            });
  }

  @Test
  void theAgentHangingUpIsToldApartFromTheCustomerWhenTheSwitchReportsTheCustomersLegFirst() {
    node.whenDialled(CUSTOMER, "answer");
    outbound("+15550142", "click-to-call", Map.of("customer", CUSTOMER));
    awaitCommand("bridge");
    env.sleep(Duration.ofSeconds(30));
    node.callerHangsUpLegEndsFirst(node.mainChannel(), () -> env.sleep(Duration.ofSeconds(2)));

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr ->
                assertThat(cdr.metadata())
                    .containsEntry("clickToCall", "agent-hung-up")
                    .containsEntry("dial.outcome", "bridged"));
    assertThat(node.commands).doesNotContain("hangup NORMAL_CLEARING");
    keepHistoryWhenAsked("click-to-call-agent-hung-up-leg-first");
  }

  @Test
  void aBusyPartyEndsTheDialAsBusyWithoutEndingTheCall() {
    node.whenDialled(CUSTOMER, "USER_BUSY");
    inbound("dial-then-goodbye", Map.of());

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(outcomes)
        .singleElement()
        .isEqualTo(new DialResult(DialResult.Outcome.BUSY, "USER_BUSY", Duration.ZERO));
    assertThat(node.commands).doesNotContain("bridge").contains("play voicemail/vm-goodbye.wav");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(cdr -> assertThat(cdr.metadata()).containsEntry("dial.outcome", "busy"));
  }

  @Test
  void theCallerHangingUpDuringTheBridgeEndsTheFlowWithCallerHungUp() {
    node.whenDialled(CUSTOMER, "answer");
    inbound("dial-then-goodbye", Map.of());
    awaitCommand("bridge");
    env.sleep(Duration.ofSeconds(30));
    node.callerHangsUp(channel);

    CallResult result = result();
    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(outcomes).singleElement().isInstanceOf(CallerHungUpException.class);
    assertThat(node.commands)
        .doesNotContain("play voicemail/vm-goodbye.wav", "hangup NORMAL_CLEARING");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr ->
                assertThat(cdr.metadata())
                    .containsEntry("dial.outcome", "bridged")
                    .hasEntrySatisfying(
                        "dial.talkSeconds",
                        // As above: timed from the workflow task that sees the bridge.
                        talk -> assertThat(((Number) talk).longValue()).isBetween(27L, 30L)));
  }

  @Test
  void theIvrDialsTheOperatorWhenTheCallerPressesNothing() {
    node.whenDialled(OPERATOR, "answer");
    inbound(
        "ivr",
        Map.of(
            "operator", OPERATOR, "retries", 2, "options", Map.of("1", Map.of("flow", "hello"))));
    // Time skips only while someone waits on the workflow: let the menu's timers run out.
    for (int i = 0; i < 20 && !node.commands.contains("bridge"); i++) {
      env.sleep(Duration.ofSeconds(5));
    }
    awaitCommand("bridge");
    node.otherPartyHangsUp(OPERATOR);

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(
            node.commands.stream()
                .filter(c -> c.equals("play ivr/ivr-please_choose_from_the_following.wav"))
                .count())
        .isEqualTo(2);
    assertThat(node.commands)
        .containsSubsequence(
            "dial " + OPERATOR + " as +15557770001", "bridge", "hangup NORMAL_CLEARING");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr ->
                assertThat(cdr.metadata())
                    .containsEntry("ivr", "no-input")
                    .containsEntry("dial.outcome", "bridged"));
    keepHistoryWhenAsked("ivr-operator");
  }

  @Test
  void theIvrRunsTheFlowOfTheKeyPressed() {
    node.pressWhenPlaying("ivr/ivr-please_choose_from_the_following.wav", "1", false);
    inbound(
        "ivr",
        Map.of(
            "operator",
            OPERATOR,
            "options",
            Map.of("1", Map.of("flow", "hello"), "2", Map.of("number", CUSTOMER))));

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(node.commands)
        .containsSubsequence(
            "play ivr/ivr-please_choose_from_the_following.wav",
            "stop-prompt",
            "play ivr/ivr-welcome.wav");
    assertThat(node.commands).noneMatch(c -> c.startsWith("dial "));
    assertThat(recorded.timeline()).contains("call.transferred");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(cdr -> assertThat(cdr.metadata()).containsEntry("ivr", "option-1"));
    keepHistoryWhenAsked("ivr-option-flow");
  }

  @Test
  void clickToCallBridgesTheAnsweredAgentToTheCustomer() {
    node.whenDialled(CUSTOMER, "answer");
    outbound(
        "+15550142", "click-to-call", Map.of("customer", CUSTOMER, "callerId", "+15557770002"));
    awaitCommand("bridge");
    env.sleep(Duration.ofMinutes(2));
    node.otherPartyHangsUp(CUSTOMER);

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(node.commands)
        .containsSubsequence(
            "originate +15550142",
            "dial " + CUSTOMER + " as +15557770002",
            "bridge",
            "hangup NORMAL_CLEARING");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> {
              assertThat(cdr.metadata())
                  .containsEntry("clickToCall", "bridged")
                  .containsEntry("dial.outcome", "bridged");
              // Two minutes from the test's view; the workflow starts counting when it hears of the
              // bridge,
              // a moment after the switch made it, so whole seconds may round down to 119.
              assertThat(((Number) cdr.metadata().get("dial.talkSeconds")).longValue())
                  .isBetween(119L, 125L);
            });
    keepHistoryWhenAsked("click-to-call-bridged");
  }

  @Test
  void clickToCallKeepsACustomerWhoDoesNotAnswerInTheCdr() {
    node.whenDialled(CUSTOMER, "NO_ANSWER");
    outbound("+15550142", "click-to-call", Map.of("customer", CUSTOMER));

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(node.commands)
        .containsSubsequence("dial " + CUSTOMER + " as +15557770001", "hangup NORMAL_CLEARING")
        .doesNotContain("bridge");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> assertThat(cdr.metadata()).containsEntry("clickToCall", "customer-no-answer"));
    keepHistoryWhenAsked("click-to-call-no-answer");
  }

  /**
   * As {@code CallWorkflowTest}: with -Dirisx.recordHistories=DIR, saves the run's history there.
   */
  private void keepHistoryWhenAsked(String name) {
    String dir = System.getProperty("irisx.recordHistories");
    if (dir == null) {
      return;
    }
    try {
      java.nio.file.Path file = java.nio.file.Path.of(dir, name + ".json");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(
          file, client.fetchHistory(CallRequest.workflowId(callId)).toJson(true));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
