package io.irisx.workflows.call;

import io.irisx.temporal.ActivityCatalogue;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Recording on one FreeSWITCH node, and sending the file to S3; runs on that node's task queue
 * ({@code TaskQueues.node(nodeId)}): the file lives on the node's disk, so every method for one
 * recording must run on the node that owns the channel. Each method is idempotent under retries.
 *
 * <p>The expected sequence in a call workflow:
 *
 * <ol>
 *   <li>{@code recordingId = Workflow.randomUUID()}; {@link #startRecording} on the node (after
 *       answer), then {@link RecordingRecordActivities#recordingStarted} on the shared queue;
 *   <li>{@link #stopRecording} when the flow stops recording (not needed when the call hangs up:
 *       the switch closes the file itself), then wait for the channel's {@code RECORD_STOP} event
 *       for that path (its {@code Record-File-Path} header equals {@link RecordingFile#path()}), or
 *       for the channel's hangup;
 *   <li>{@link RecordingRecordActivities#recordingUploading}, then {@link #upload}, then {@link
 *       RecordingRecordActivities#recordingAvailable} with its result; if {@link #upload} fails for
 *       good, {@link RecordingRecordActivities#recordingFailed} with the failure's message.
 * </ol>
 */
@ActivityInterface
public interface RecordingActivities {
  /** A non-retryable failure type: the channel does not exist (any more) when asked to record. */
  String CHANNEL_GONE = "RecordingChannelGone";

  /** A non-retryable failure type: the file to upload is gone and S3 does not hold it either. */
  String FILE_MISSING = "RecordingFileMissing";

  /**
   * A non-retryable failure type: an id is not a UUID, or a path is outside the recordings
   * directory.
   */
  String INVALID_RECORDING = "InvalidRecording";

  /** A non-retryable failure type: the switch refused to record (e.g. it cannot write the file). */
  String SWITCH_REFUSED = "RecordingRefused";

  /**
   * Starts {@code uuid_record <channelUuid> start <dir>/<recordingId>.wav [maxSeconds]} on this
   * node; {@code <dir>} is the node's recordings directory (worker configuration {@code
   * recordings.directory}). Returns as soon as the switch accepted: the channel's {@code
   * RECORD_START} event follows. Idempotent: when the file of this recording already exists (an
   * earlier attempt started it), nothing is sent again and the same result is returned.
   *
   * @param channelUuid the channel to record (both directions, as FreeSWITCH mixes them)
   * @param recordingId a UUID the workflow made ({@code Workflow.randomUUID()}); names the file
   * @param maxSeconds the switch stops the recording by itself after this many seconds (it then
   *     fires {@code RECORD_STOP}); 0 for no limit
   * @param silenceMillis the switch stops the recording after this much silence (its {@code
   *     RECORD_INITIAL_TIMEOUT_MS} and {@code RECORD_FINAL_TIMEOUT_MS}, {@code
   *     Record-Completion-Cause} {@code no-input-timeout} or {@code success-silence}); 0 for no
   *     silence end
   * @throws io.temporal.failure.ApplicationFailure {@link #CHANNEL_GONE} when the channel does not
   *     exist, {@link #INVALID_RECORDING} for a malformed id, {@link #SWITCH_REFUSED} when the
   *     switch says no; all non-retryable. An unreachable switch is retried.
   */
  @ActivityMethod(name = ActivityCatalogue.START_RECORDING)
  RecordingFile startRecording(
      String channelUuid, String recordingId, int maxSeconds, int silenceMillis);

  /**
   * Sends {@code uuid_record <channelUuid> stop <path>}. Idempotent: a recording already stopped,
   * and a channel already gone (the switch closed the file at hangup), both count as stopped. The
   * file is complete once the channel's {@code RECORD_STOP} for {@code path} has arrived, or the
   * channel has hung up; only then call {@link #upload}.
   *
   * @param path {@link RecordingFile#path()} as {@link #startRecording} returned it
   */
  @ActivityMethod(name = ActivityCatalogue.STOP_RECORDING)
  void stopRecording(String channelUuid, String path);

  /**
   * Sends the finished file to S3 under {@code
   * <tenantId>/<yyyy>/<mm>/<dd>/<callId>/<recordingId>.wav} (the date is {@link
   * RecordingUpload#startedAt()} in UTC), with a checksum S3 verifies and server-side encryption as
   * configured; multipart above the configured threshold. Heartbeats while it sends. The local file
   * is deleted only after S3 has confirmed the object (its size and SHA-256). Idempotent: an object
   * already under that key with the same SHA-256 counts as uploaded, and when the local file is
   * already gone (an earlier attempt finished but its result was lost) the object's metadata gives
   * the same result.
   *
   * @throws io.temporal.failure.ApplicationFailure {@link #FILE_MISSING} when neither the file nor
   *     the object exists, {@link #INVALID_RECORDING} for a malformed id or a path outside the
   *     node's recordings directory; both non-retryable. S3 being unreachable is retried (the
   *     catalogue's policy: for up to a day), the local file kept meanwhile.
   */
  @ActivityMethod(name = ActivityCatalogue.UPLOAD_RECORDING)
  UploadedRecording upload(RecordingUpload upload);
}
