package io.irisx.workflows.call;

import static io.irisx.workflows.call.FlowSideEffects.noteOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.Gather;
import io.irisx.workflows.flow.GatherResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flow programming model on the real call workflow with time skipping: gathering digits, the
 * reminder flow's outcome in the CDR, and live control (updates) from the API's side.
 */
class FlowControlTest {
  private static final List<GatherResult> gathered = new CopyOnWriteArrayList<>();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final RecordedCall recorded = new RecordedCall();
  private ScriptedSwitch node;
  private String callId;
  private String channel;

  @BeforeEach
  void startEnvironment() {
    gathered.clear();
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    CallFlows flows =
        CallFlows.builtIn()
            .with(
                "pin",
                () ->
                    call -> {
                      noteOnce(
                          gathered,
                          call.gather(
                              Gather.digits(4)
                                  .minDigits(4)
                                  .prompt("ivr/ivr-please_enter_pin_followed_by_pound.wav")
                                  .attempts(2)));
                      call.hangup();
                    })
            .with(
                "wait",
                () ->
                    call -> {
                      call.answer();
                      call.pause(Duration.ofMinutes(10));
                      call.hangup();
                    })
            .with(
                "transfer-to-hello",
                () ->
                    call -> {
                      call.answer();
                      call.transfer("hello", Map.of());
                    });
    Worker calls = env.newWorker(TaskQueues.CALLS);
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(flows),
        ActivityCatalogue.workflowImplementationOptions());
    calls.registerActivitiesImplementations(recorded);
    callId = UUID.randomUUID().toString();
    channel = UUID.randomUUID().toString();
    node =
        new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false).inboundCall(callId);
    env.newWorker(TaskQueues.node("node-1")).registerActivitiesImplementations(node, node.steps());
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private CallWorkflow startInbound(String flow) {
    CallWorkflow workflow =
        client.newWorkflowStub(
            CallWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CallRequest.workflowId(callId))
                .setTaskQueue(TaskQueues.CALLS)
                .build());
    WorkflowClient.start(
        workflow::run,
        new CallRequest(
            callId,
            UUID.randomUUID().toString(),
            "+15557770001",
            "+15550199",
            flow,
            Map.of(),
            0,
            15,
            new InboundLeg("node-1", channel, null, 0),
            null));
    return workflow;
  }

  private CallResult result() {
    var stub = client.newUntypedWorkflowStub(CallRequest.workflowId(callId));
    try {
      return stub.getResult(20, java.util.concurrent.TimeUnit.SECONDS, CallResult.class);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "the call did not end; commands "
              + node.commands
              + ", workflow at:\n"
              + stub.query("__stack_trace", String.class));
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
  void gatherCollectsDigitsUpToTheTerminatorAndStopsThePromptAtTheFirstKey() {
    node.pressWhenPlaying("ivr/ivr-please_enter_pin_followed_by_pound.wav", "1234#", false);
    startInbound("pin");

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(gathered)
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.digits()).isEqualTo("1234");
              assertThat(result.attempts()).isEqualTo(1);
            });
    assertThat(node.commands)
        .containsSubsequence(
            "answer", "play ivr/ivr-please_enter_pin_followed_by_pound.wav", "stop-prompt");
    assertThat(recorded.timeline())
        .contains("call.gathered")
        .noneMatch(step -> step.contains("1234"));
    assertThat(recorded.published)
        .filteredOn(event -> event.type().equals("gather.completed"))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.data())
                    .containsEntry("digits", "1234")
                    .containsEntry("ending", "MAX_DIGITS"));
    assertThat(recorded.transitions)
        .noneMatch(t -> t.detail() != null && t.detail().contains("1234"));
  }

  @Test
  void aSilentCallerIsAskedAgainThenTheGatherEndsWithoutInputByTimers() {
    startInbound("pin");

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(gathered)
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.answered()).isFalse();
              assertThat(result.ending()).isEqualTo(GatherResult.Ending.TIMEOUT);
              assertThat(result.attempts()).isEqualTo(2);
            });
    assertThat(node.commands.stream().filter(c -> c.startsWith("play ")).count()).isEqualTo(2);
    assertThat(recorded.timeline())
        .containsSubsequence("call.gather-retry", "call.gather-retry", "call.hangup");
  }

  @Test
  void theReminderFlowPutsTheCalleesAnswerInTheCdr() {
    node.pressWhenPlaying("ivr/ivr-please_choose_from_the_following.wav", "2", true);
    startInbound("reminder");

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(cdr -> assertThat(cdr.metadata()).containsEntry("reminder", "canceled"));
    assertThat(node.commands)
        .containsSubsequence(
            "play ivr/ivr-welcome.wav",
            "play ivr/ivr-please_choose_from_the_following.wav",
            "play ivr/ivr-thank_you.wav");
    keepHistoryWhenAsked("reminder-canceled");
  }

  @Test
  void aReminderNobodyAnswersIsRecordedAsNoResponse() {
    startInbound("reminder");

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(cdr -> assertThat(cdr.metadata()).containsEntry("reminder", "no-response"));
    keepHistoryWhenAsked("reminder-no-response");
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

  @Test
  void aLiveCallCanBeHungUpPlayedToAndSentDigitsButAFinishedOneRefuses() {
    CallWorkflow workflow = startInbound("wait");
    awaitCommand("answer");

    CallState afterPlay = workflow.play(new CallCommands.Play("tone_stream://%(250,50,440)"));
    assertThat(afterPlay.answered()).isTrue();
    workflow.sendDigits(new CallCommands.SendDigits("12#"));
    assertThatThrownBy(() -> workflow.sendDigits(new CallCommands.SendDigits("12;hupall")))
        .isInstanceOf(WorkflowUpdateException.class);
    CallState afterHangup = workflow.hangup(new CallCommands.Hangup("CALL_REJECTED"));

    assertThat(afterHangup.ended()).isTrue();
    assertThat(result().hangupCause()).isEqualTo("CALL_REJECTED");
    assertThat(node.commands)
        .containsSubsequence(
            "play tone_stream://%(250,50,440)", "send-digits 12#", "hangup CALL_REJECTED");
    assertThat(recorded.timeline()).contains("call.hangup-requested");
  }

  @Test
  void aRedirectStopsTheRunningFlowAndRunsTheNewOne() {
    CallWorkflow workflow = startInbound("wait");
    awaitCommand("answer");

    assertThatThrownBy(() -> workflow.redirect(new CallCommands.Redirect("no-such-flow", Map.of())))
        .isInstanceOf(WorkflowUpdateException.class);
    CallState redirected = workflow.redirect(new CallCommands.Redirect("hello", Map.of()));

    assertThat(redirected.flow()).isEqualTo("hello");
    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(node.commands)
        .containsSubsequence(
            "answer", "stop-prompt", "play ivr/ivr-welcome.wav", "hangup NORMAL_CLEARING");
    assertThat(recorded.timeline()).contains("call.redirected");
  }

  @Test
  void aFlowCanTransferTheCallToAnotherFlow() {
    startInbound("transfer-to-hello");

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(node.commands)
        .containsSubsequence("answer", "stop-prompt", "play ivr/ivr-welcome.wav");
    assertThat(recorded.timeline()).contains("call.transferred");
  }
}
