package io.irisx.workflows.recording;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** What the retention workflow needs: find expired recordings, delete one. Shared queue. */
@ActivityInterface
public interface RecordingRetentionActivities {

  /**
   * Up to {@code limit} recording ids (UUIDs) whose tenant has a retention period and that were
   * created longer ago than it, not yet deleted; oldest first.
   */
  @ActivityMethod(name = ActivityCatalogue.FIND_EXPIRED_RECORDINGS)
  List<String> findExpired(int limit);

  /**
   * Deletes the recording's S3 object (if any) and marks its row {@code deleted}; a recording
   * already deleted is fine.
   */
  @ActivityMethod(name = ActivityCatalogue.DELETE_RECORDING)
  void delete(String recordingId);
}
