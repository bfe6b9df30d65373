package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Instant;

/**
 * Keeps a recording's row in {@code recordings} (PostgreSQL) in step with the recording; runs on
 * the shared {@code irisx-calls} queue. Every method is idempotent, and the status only moves
 * forward: {@code recording -> uploading -> available | failed}; a later {@code deleted} (API or
 * retention) is never undone by a late or replayed write.
 */
@ActivityInterface
public interface RecordingRecordActivities {
  /** A retryable failure type: no row for the recording yet ({@link #recordingStarted} not run). */
  String RECORDING_NOT_FOUND = "RecordingNotFound";

  /** A non-retryable failure type: an id is not a UUID, or the call is not the tenant's. */
  String INVALID_RECORDING = "InvalidRecordingRecord";

  /**
   * Inserts the row as {@code recording}, started at {@code at}; a repeat does nothing. Must
   * complete before any other method for the same recording. The call's row must exist (it does
   * from {@code POST /v1/calls} or the inbound registration on).
   */
  @ActivityMethod(name = ActivityCatalogue.RECORDING_STARTED)
  void recordingStarted(String recordingId, String tenantId, String callId, Instant at);

  /** Marks the row {@code uploading} (only from {@code recording}). */
  @ActivityMethod(name = ActivityCatalogue.RECORDING_UPLOADING)
  void recordingUploading(String recordingId);

  /**
   * Marks the row {@code available} with the object's bucket, key, size, checksum and duration, and
   * {@code ended_at = started_at + duration} (from {@code recording}, {@code uploading} or {@code
   * failed}: a recording that arrives late is still available).
   */
  @ActivityMethod(name = ActivityCatalogue.RECORDING_AVAILABLE)
  void recordingAvailable(String recordingId, UploadedRecording uploaded);

  /** Marks the row {@code failed} with the reason (from {@code recording} or {@code uploading}). */
  @ActivityMethod(name = ActivityCatalogue.RECORDING_FAILED)
  void recordingFailed(String recordingId, String reason);
}
