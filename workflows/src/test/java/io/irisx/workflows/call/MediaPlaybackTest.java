package io.irisx.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.ActivityCatalogue;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.Media;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Typed media on the real call workflow: speech and an https file are played, and each step waits
 * for its own playback's end (the switch names speech by its tts:// file, not by the text alone).
 */
class MediaPlaybackTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final RecordedCall recorded = new RecordedCall();

  @AfterEach
  void stop() {
    env.close();
  }

  private WorkflowClient client;
  private ScriptedSwitch node;
  private String callId;

  private CallResult run(
      String flow, Map<String, Object> params, java.util.function.Consumer<ScriptedSwitch> script)
      throws TimeoutException {
    SearchAttributeCatalogue.registrations().forEach(env::registerSearchAttribute);
    client = env.getWorkflowClient();
    CallFlows flows =
        CallFlows.builtIn()
            .with(
                "announce",
                () ->
                    call -> {
                      call.play(Media.speech("Your order has shipped."));
                      call.play(Media.url("https://cdn.example.com/prompts/bye.wav"));
                      call.play(Media.tone("%(250,50,440)"));
                      call.hangup();
                    });
    Worker calls = env.newWorker(TaskQueues.CALLS);
    calls.registerWorkflowImplementationFactory(
        CallWorkflow.class,
        () -> new CallWorkflowImpl(flows),
        ActivityCatalogue.workflowImplementationOptions());
    calls.registerActivitiesImplementations(recorded);
    callId = UUID.randomUUID().toString();
    node =
        new ScriptedSwitch(client, ScriptedSwitch.FarEnd.ANSWERS, false, false).inboundCall(callId);
    script.accept(node);
    env.newWorker(TaskQueues.node("node-1")).registerActivitiesImplementations(node, node.steps());
    env.start();

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
            new InboundLeg("node-1", UUID.randomUUID().toString(), null, 0),
            null));
    return client
        .newUntypedWorkflowStub(CallRequest.workflowId(callId))
        .getResult(20, TimeUnit.SECONDS, CallResult.class);
  }

  @Test
  void speechUrlAndToneArePlayedOneAfterAnotherToTheirEnds() throws TimeoutException {
    CallResult result = run("announce", Map.of(), node -> {});

    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(node.commands)
        .containsExactly(
            "answer",
            "play say:Your order has shipped.",
            "play http_cache://https://cdn.example.com/prompts/bye.wav",
            "play tone_stream://%(250,50,440)",
            "hangup NORMAL_CLEARING");
    // Each prompt ended by its own PLAYBACK_STOP, none by the watchdog's inspection.
    assertThat(node.commands).doesNotContain("inspect");
  }

  @Test
  void aShippedFlowTakesSpokenAndFetchedPromptsAsParams() throws TimeoutException {
    String menu = "http_cache://https://cdn.example.com/prompts/menu.wav";
    CallResult result =
        run(
            "reminder",
            Map.of(
                "message",
                "say:Your appointment is tomorrow at nine.",
                "menu",
                menu,
                "thanks",
                "say:Thank you, goodbye."),
            node -> node.pressWhenPlaying(menu, "1", true));

    assertThat(result.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(node.commands)
        .containsExactly(
            "answer",
            "play say:Your appointment is tomorrow at nine.",
            "play " + menu,
            "play say:Thank you, goodbye.",
            "hangup NORMAL_CLEARING");
    assertThat(recorded.cdrs)
        .singleElement()
        .satisfies(cdr -> assertThat(cdr.metadata()).containsEntry("reminder", "confirmed"));
    keepHistoryWhenAsked(client, callId, "reminder-spoken-confirmed");
  }

  /**
   * As {@code CallWorkflowTest}: with -Dirisx.recordHistories=DIR, saves the run's history there.
   */
  private static void keepHistoryWhenAsked(WorkflowClient client, String callId, String name) {
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
