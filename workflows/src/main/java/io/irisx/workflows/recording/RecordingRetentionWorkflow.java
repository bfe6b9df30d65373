package io.irisx.workflows.recording;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Deletes the recordings past their tenant's retention period. Run by the Temporal Schedule {@value
 * #SCHEDULE_ID} (the worker creates it at start), one run at a time.
 */
@WorkflowInterface
public interface RecordingRetentionWorkflow {
  String SCHEDULE_ID = "irisx-recording-retention";
  String WORKFLOW_ID = "recording-retention";

  /** Returns how many recordings it deleted. */
  @WorkflowMethod
  int deleteExpired();
}
