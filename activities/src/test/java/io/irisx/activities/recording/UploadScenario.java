package io.irisx.activities.recording;

import io.irisx.workflows.call.RecordingActivities;
import io.irisx.workflows.call.RecordingRecordActivities;
import io.irisx.workflows.call.RecordingUpload;
import io.irisx.workflows.call.UploadedRecording;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The end of a recorded call as the call workflow runs it: uploading, upload, available. */
@WorkflowInterface
public interface UploadScenario {
  @WorkflowMethod
  UploadedRecording uploadAndRecord(String nodeQueue, RecordingUpload upload);

  final class Impl implements UploadScenario {
    private final RecordingRecordActivities rows =
        Workflow.newActivityStub(RecordingRecordActivities.class);

    @Override
    public UploadedRecording uploadAndRecord(String nodeQueue, RecordingUpload upload) {
      RecordingActivities node =
          Workflow.newActivityStub(
              RecordingActivities.class,
              io.temporal.activity.ActivityOptions.newBuilder().setTaskQueue(nodeQueue).build());
      rows.recordingUploading(upload.recordingId());
      UploadedRecording uploaded = node.upload(upload);
      rows.recordingAvailable(upload.recordingId(), uploaded);
      return uploaded;
    }
  }
}
