package io.irisx.workflows.recording;

import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * Deletes expired recordings in batches until none is left, or until the run has deleted {@link
 * #MAX_PER_RUN} (the next scheduled run carries on), keeping the history small.
 */
public final class RecordingRetentionWorkflowImpl implements RecordingRetentionWorkflow {
  static final int BATCH = 100;
  static final int MAX_PER_RUN = 2_000;
  private static final Logger log = Workflow.getLogger(RecordingRetentionWorkflowImpl.class);

  private final RecordingRetentionActivities retention =
      Workflow.newActivityStub(RecordingRetentionActivities.class);

  @Override
  public int deleteExpired() {
    int deleted = 0;
    while (deleted < MAX_PER_RUN) {
      List<String> expired = retention.findExpired(BATCH);
      for (String recordingId : expired) {
        retention.delete(recordingId);
        deleted++;
      }
      if (expired.size() < BATCH) {
        break;
      }
    }
    log.info("deleted {} expired recordings", deleted);
    return deleted;
  }
}
