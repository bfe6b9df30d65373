package io.irisx.workflows.webhook;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With -Dirisx.recordHistories=DIR, saves a run's history there: that is how the histories {@link
 * WebhookWorkflowsReplayTest} replays were recorded (copy them to src/test/resources/histories/).
 */
final class HistoryFiles {
  private HistoryFiles() {}

  static void keepWhenAsked(WorkflowClient client, String workflowId, String name) {
    String dir = System.getProperty("irisx.recordHistories");
    if (dir == null) {
      return;
    }
    try {
      Path file = Path.of(dir, name + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, client.fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
