package io.irisx.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallWorkflowTest {
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final RecordedCall recorded = new RecordedCall();

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    Worker calls = env.newWorker(TaskQueues.CALLS);
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(CallFlows.shipped()),
        ActivityCatalogue.workflowImplementationOptions());
    calls.registerActivitiesImplementations(recorded);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private String lastCallId;

  private CallResult call(ScriptedSwitch farEnd, String to) {
    env.newWorker(TaskQueues.node("node-1"))
        .registerActivitiesImplementations(farEnd, farEnd.steps());
    env.start();
    String callId = UUID.randomUUID().toString();
    lastCallId = callId;
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
            callId, UUID.randomUUID().toString(), "+15550100", to, "hello", Map.of(), 30, 15));
    return resultOf(callId);
  }

  /** The call's result; a call that does not end fails the test instead of hanging it. */
  private CallResult resultOf(String callId) {
    var stub = client.newUntypedWorkflowStub(CallRequest.workflowId(callId));
    try {
      return stub.getResult(20, java.util.concurrent.TimeUnit.SECONDS, CallResult.class);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("call " + callId + " did not end within 20 s");
    }
  }

  @Test
  void answeredHelloCallPlaysThePromptHangsUpAndWritesACompletedCdr() {
    ScriptedSwitch farEnd = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false);

    CallResult result = call(farEnd, "+15550111");

    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(farEnd.commands)
        .containsExactly(
            "originate +15550111", "play ivr/ivr-welcome.wav", "hangup NORMAL_CLEARING");
    assertThat(recorded.timeline())
        .containsExactly(
            "call.queued",
            "call.originated",
            "call.ringing",
            "call.answered",
            "call.hangup",
            "call.completed");
    assertThat(recorded.transitions)
        .extracting(t -> t.sequence())
        .containsExactly(1, 2, 3, 4, 5, 6);
    CallDetailRecord cdr = recorded.cdrs.getFirst();
    assertThat(recorded.cdrs).hasSize(1);
    assertThat(cdr.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(cdr.hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(cdr.hangupCauseCode()).isEqualTo(16);
    assertThat(cdr.answeredAt()).isNotNull();
    assertThat(cdr.endedAt()).isAfterOrEqualTo(cdr.answeredAt());
    assertThat(recorded.publishedTypes())
        .containsExactly("call.initiated", "call.ringing", "call.answered", "call.completed");
    assertThat(recorded.published).extracting(e -> e.sequence()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(recorded.published.getLast().data())
        .containsEntry("status", "completed")
        .containsEntry("hangupCause", "NORMAL_CLEARING")
        .containsEntry("answeredAt", cdr.answeredAt().toString());
    keepHistoryWhenAsked("hello-answered");
  }

  @Test
  void aPromptTheSwitchCannotPlayIsInTheTimelineAndTheCallGoesOn() {
    ScriptedSwitch farEnd =
        new ScriptedSwitch(client, ScriptedSwitch.FarEnd.REFUSES_PLAYBACK, false, false);

    CallResult result = call(farEnd, "+15550111");

    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(farEnd.commands)
        .containsExactly(
            "originate +15550111", "play ivr/ivr-welcome.wav", "hangup NORMAL_CLEARING");
    assertThat(recorded.timeline())
        .containsExactly(
            "call.queued",
            "call.originated",
            "call.ringing",
            "call.answered",
            "call.media-failed",
            "call.hangup",
            "call.completed");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(cdr -> assertThat(cdr.hangupCause()).isEqualTo("NORMAL_CLEARING"));
    keepHistoryWhenAsked("hello-media-failed-v6");
  }

  /**
   * With -Dirisx.recordHistories=DIR, saves the run's history there: that is how the histories the
   * replay test guards were recorded (copy them to src/test/resources/histories/).
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
          file, client.fetchHistory(CallRequest.workflowId(lastCallId)).toJson(true));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private CallResult inboundCall(ScriptedSwitch.FarEnd behaviour) {
    String callId = UUID.randomUUID().toString();
    lastCallId = callId;
    ScriptedSwitch node = new ScriptedSwitch(client, behaviour, false, false).inboundCall(callId);
    env.newWorker(TaskQueues.node("node-1")).registerActivitiesImplementations(node, node.steps());
    env.start();
    lastSwitch = node;
    CallWorkflow workflow =
        client.newWorkflowStub(
            CallWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CallRequest.workflowId(callId))
                .setTaskQueue(TaskQueues.CALLS)
                .build());
    String channel = UUID.randomUUID().toString();
    WorkflowClient.start(
        workflow::run,
        new CallRequest(
            callId,
            UUID.randomUUID().toString(),
            "+15557770001",
            "+15550199",
            "hello",
            Map.of(),
            0,
            15,
            new InboundLeg("node-1", channel, UUID.randomUUID().toString(), 1_795_527_738_128_329L),
            null));
    return resultOf(callId);
  }

  private ScriptedSwitch lastSwitch;

  @Test
  void inboundCallIsRegisteredAnsweredByItsFlowAndCompleted() {
    CallResult result = inboundCall(ScriptedSwitch.FarEnd.ANSWERS);

    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(lastSwitch.commands)
        .containsExactly("answer", "play ivr/ivr-welcome.wav", "hangup NORMAL_CLEARING");
    assertThat(recorded.inbound)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.callId()).isEqualTo(lastCallId);
              assertThat(call.nodeId()).isEqualTo("node-1");
              assertThat(call.to()).isEqualTo("+15550199");
              assertThat(call.arrivedAt())
                  .isEqualTo(java.time.Instant.parse("2026-11-24T13:42:18.128329Z"));
            });
    assertThat(recorded.timeline())
        .containsExactly("call.ringing", "call.answered", "call.hangup", "call.completed");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> {
              assertThat(cdr.status()).isEqualTo(CallStatus.COMPLETED);
              assertThat(cdr.ringingAt())
                  .isEqualTo(java.time.Instant.parse("2026-11-24T13:42:18.128329Z"));
              assertThat(cdr.answeredAt()).isNotNull();
            });
    keepHistoryWhenAsked("hello-inbound");
  }

  @Test
  void inboundCallerWhoHangsUpWhileRingingEndsCanceledWithACdr() {
    CallResult result = inboundCall(ScriptedSwitch.FarEnd.CALLER_GIVES_UP);

    assertThat(result.status()).isEqualTo(CallStatus.CANCELED);
    assertThat(result.hangupCause()).isEqualTo("ORIGINATOR_CANCEL");
    assertThat(lastSwitch.commands).containsExactly("answer");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> {
              assertThat(cdr.answeredAt()).isNull();
              // FreeSWITCH's own causes above 127 report Q.850 16, as switch_channel_cause_q850
              // does.
              assertThat(cdr.hangupCauseCode()).isEqualTo(16);
            });
    assertThat(recorded.timeline()).containsExactly("call.ringing", "call.hangup", "call.canceled");
  }

  @Test
  void aCallWhoseRowTheDatabaseLostIsWrittenAgainFromItsRequestAndEndsWithItsCdr() {
    ScriptedSwitch farEnd = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false);
    recorded.rowLost = true;

    CallResult result = call(farEnd, "+15550111");

    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recorded.restored)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.to()).isEqualTo("+15550111");
              assertThat(row.flow()).isEqualTo("hello");
            });
    assertThat(recorded.timeline()).startsWith("call.queued").endsWith("call.completed");
    assertThat(recorded.cdrs).hasSize(1);
  }

  @Test
  void busyCalleeEndsBusyWithoutRunningTheFlow() {
    ScriptedSwitch farEnd = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.BUSY, false, false);

    CallResult result = call(farEnd, "+15550001");

    assertThat(result.status()).isEqualTo(CallStatus.BUSY);
    assertThat(result.hangupCause()).isEqualTo("USER_BUSY");
    assertThat(farEnd.commands).containsExactly("originate +15550001");
    CallDetailRecord cdr = recorded.cdrs.getFirst();
    assertThat(cdr.status()).isEqualTo(CallStatus.BUSY);
    assertThat(cdr.hangupCauseCode()).isEqualTo(17);
    assertThat(cdr.answeredAt()).isNull();
    assertThat(cdr.billSeconds()).isZero();
    assertThat(recorded.publishedTypes())
        .containsExactly("call.initiated", "call.ringing", "call.failed", "call.completed");
    keepHistoryWhenAsked("hello-busy");
  }

  @Test
  void aHangupWhoseEventsNeverCameEndsTheCallWithoutAWatchdog() {
    ScriptedSwitch farEnd = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, true, false);

    CallResult result = call(farEnd, "+15550111");

    // The hangup's events never came: the hangup step found the channel gone, no watchdog asked.
    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(result.hangupCause()).isEqualTo("NORMAL_CLEARING");
    assertThat(farEnd.commands)
        .containsExactly(
            "originate +15550111", "play ivr/ivr-welcome.wav", "hangup NORMAL_CLEARING");
    assertThat(recorded.timeline()).contains("call.channel-lost").endsWith("call.completed");
    assertThat(recorded.cdrs).hasSize(1);
    keepHistoryWhenAsked("hello-events-lost");
  }

  @Test
  void aChannelThatVanishesUnseenEndsTheCall() {
    ScriptedSwitch farEnd = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, true, true);

    CallResult result = call(farEnd, "+15550111");

    // As the README promises for a call the platform lost: its cause, and the platform ended it.
    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(result.hangupCause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
    assertThat(recorded.cdrs.getFirst().hungUpBy()).isEqualTo("platform");
    assertThat(farEnd.commands).doesNotContain("hangup NORMAL_CLEARING");
    assertThat(recorded.cdrs).hasSize(1);
  }
}
