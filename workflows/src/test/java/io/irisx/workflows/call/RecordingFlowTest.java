package io.irisx.workflows.call;

import static io.irisx.workflows.call.FlowSideEffects.noteOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.Record;
import io.irisx.workflows.flow.Recording;
import io.irisx.workflows.flow.VoicemailFlow;
import io.irisx.workflows.webhook.CallEventRecord;
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
import org.junit.jupiter.api.Test;

/**
 * {@code Call.record(...)}, the voicemail flow and {@code "record": true} on the real call workflow
 * with time skipping: what stops a recording, and that every recording is uploaded, ends {@code
 * available} or {@code failed}, and is announced, before the call's workflow completes.
 */
class RecordingFlowTest {
  private static final List<Recording> recordings = new CopyOnWriteArrayList<>();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final RecordedCall recorded = new RecordedCall();
  private ScriptedSwitch node;
  private ScriptedRecorder recorder;
  private final String callId = UUID.randomUUID().toString();
  private final String channel = UUID.randomUUID().toString();

  private void start(ScriptedRecorder.Caller caller, boolean failingUploads) {
    recordings.clear();
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    CallFlows flows =
        CallFlows.builtIn()
            .with(
                "record-then-talk",
                () ->
                    call -> {
                      noteOnce(
                          recordings,
                          call.record(
                              Record.upTo(Duration.ofSeconds(30))
                                  .beep("tone_stream://%(100,0,600)")));
                      call.play("ivr/ivr-thank_you.wav");
                      call.hangup();
                    })
            .with(
                "talk",
                () ->
                    call -> {
                      call.play("ivr/ivr-welcome.wav");
                      call.pause(Duration.ofMinutes(2));
                      call.hangup();
                    });
    recorder = new ScriptedRecorder(client, callId, caller);
    if (failingUploads) {
      recorder.failingUploads();
    }
    Worker calls = env.newWorker(TaskQueues.CALLS);
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(flows),
        ActivityCatalogue.workflowImplementationOptions());
    calls.registerActivitiesImplementations(recorded, recorder);
    node = new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false);
    env.newWorker(TaskQueues.node("node-1"))
        .registerActivitiesImplementations(node, node.steps(), recorder);
    env.start();
  }

  @AfterEach
  void stopEnvironment() {
    if (env != null) {
      env.close();
    }
  }

  private void startInbound(String flow, Map<String, Object> params) {
    // Only an inbound call's channel is there before any originate; an outbound one is dialled.
    node.inboundCall(callId);
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
            params,
            0,
            15,
            new InboundLeg("node-1", channel, null, 0),
            null));
  }

  private void startOutbound(String flow, boolean recordWholeCall) {
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
            "+15550100",
            "+15550199",
            flow,
            Map.of(),
            0,
            15,
            null,
            null,
            recordWholeCall,
            null));
  }

  private CallResult result() {
    var stub = client.newUntypedWorkflowStub(CallRequest.workflowId(callId));
    try {
      return stub.getResult(20, TimeUnit.SECONDS, CallResult.class);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the call did not end; commands "
              + node.commands
              + " "
              + recorder.commands
              + ", workflow at:\n"
              + stub.query("__stack_trace", String.class));
    }
  }

  private String onlyRecordingId() {
    assertThat(recorder.rows).hasSize(1);
    return recorder.rows.keySet().iterator().next();
  }

  private List<CallEventRecord> published(String type) {
    return recorded.published.stream().filter(event -> event.type().equals(type)).toList();
  }

  @Test
  void aVoicemailEndsOnSilenceIsUploadedAndItsIdIsInTheCdr() {
    start(ScriptedRecorder.Caller.STAYS_SILENT, false);
    startInbound(VoicemailFlow.NAME, Map.of("maxSeconds", 60, "silenceSeconds", 4));

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    String id = onlyRecordingId();
    assertThat(recorder.rows.get(id)).containsExactly("recording", "uploading", "available");
    assertThat(node.commands)
        .containsSubsequence(
            "answer",
            "play voicemail/vm-record_message.wav",
            "play " + Record.BEEP,
            "play voicemail/vm-goodbye.wav",
            "hangup NORMAL_CLEARING");
    assertThat(recorder.commands).containsExactly("record 60s silence 4000ms", "upload " + id);
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> {
              assertThat(cdr.metadata())
                  .containsEntry(VoicemailFlow.RECORDING, id)
                  .containsEntry("recordingEnding", "silence");
              assertThat(cdr.hungUpBy()).isEqualTo("platform");
            });
    assertThat(published("recording.completed"))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.data())
                    .containsEntry("recordingId", id)
                    .containsEntry("durationMillis", 1500));
    assertThat(recorded.timeline())
        .containsSubsequence("call.recording-started", "call.recording-stopped", "call.hangup");
    keepHistoryWhenAsked("voicemail-silence");
  }

  @Test
  void theStopKeyEndsTheRecordingAndTheFlowGoesOn() {
    start(ScriptedRecorder.Caller.PRESSES_POUND, false);
    startInbound("record-then-talk", Map.of());

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recordings)
        .singleElement()
        .satisfies(
            recording -> {
              assertThat(recording.ending()).isEqualTo(Recording.Ending.KEY);
              assertThat(recording.durationMillis()).isEqualTo(1500);
            });
    assertThat(recorder.commands)
        .containsExactly("record 30s silence 0ms", "stop-record", "upload " + onlyRecordingId());
    assertThat(node.commands)
        .containsSubsequence("play tone_stream://%(100,0,600)", "play ivr/ivr-thank_you.wav");
    assertThat(recorder.rows.get(onlyRecordingId()))
        .containsExactly("recording", "uploading", "available");
  }

  @Test
  void aCallerWhoHangsUpWhileRecordedLeavesTheRecordingAndTheCdr() {
    start(ScriptedRecorder.Caller.HANGS_UP, false);
    startInbound(VoicemailFlow.NAME, Map.of());

    CallResult result = result();
    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    String id = onlyRecordingId();
    assertThat(recorder.rows.get(id)).containsExactly("recording", "uploading", "available");
    assertThat(node.commands).doesNotContain("play voicemail/vm-goodbye.wav");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(
            cdr -> {
              assertThat(cdr.metadata()).containsEntry(VoicemailFlow.RECORDING, id);
              assertThat(cdr.hungUpBy()).isEqualTo("caller");
            });
    keepHistoryWhenAsked("voicemail-caller-hung-up");
  }

  @Test
  void anUploadThatFailsForGoodMarksTheRowFailedAndTheCallStillCompletes() {
    start(ScriptedRecorder.Caller.STAYS_SILENT, true);
    startInbound(VoicemailFlow.NAME, Map.of());

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recorder.rows.get(onlyRecordingId()))
        .containsExactly("recording", "uploading", "failed");
    assertThat(published("recording.failed"))
        .singleElement()
        .satisfies(
            event -> assertThat(event.data()).containsEntry("reason", "no file and no object"));
    assertThat(published("recording.completed")).isEmpty();
    assertThat(recorded.cdrs).hasSize(1);
  }

  @Test
  void recordTrueRecordsTheWholeCallAndUploadsItAfterTheHangup() {
    start(ScriptedRecorder.Caller.TALKS_ON, false);
    // A shipped flow, so that the replay test (which knows only those) can replay its history.
    startOutbound("hello", true);

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    String id = onlyRecordingId();
    assertThat(recorder.commands).containsExactly("record 14400s silence 0ms", "upload " + id);
    assertThat(recorder.rows.get(id)).containsExactly("recording", "uploading", "available");
    assertThat(recorded.timeline())
        .containsSubsequence("call.answered", "call.recording-started", "call.hangup");
    assertThat(recorded.publishedTypes()).contains("call.completed", "recording.completed");
    keepHistoryWhenAsked("record-whole-call");
  }

  @Test
  void aCallNotAskedToRecordRecordsNothing() {
    start(ScriptedRecorder.Caller.TALKS_ON, false);
    startOutbound("talk", false);

    assertThat(result().status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(recorder.commands).isEmpty();
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
