package io.irisx.workflows.call;

import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for recording on a node and for the recordings' rows in workflow tests: what the
 * caller does once recording starts is scripted ({@link Caller}), and the switch's events for it
 * are signalled as FreeSWITCH sends them.
 */
final class ScriptedRecorder implements RecordingActivities, RecordingRecordActivities {
  enum Caller {
    /** Says nothing: the switch ends the recording after the silence time (no-input-timeout). */
    STAYS_SILENT,
    /** Presses {@code #}: the workflow has to stop the recording. */
    PRESSES_POUND,
    /** Hangs up while being recorded: the switch closes the file. */
    HANGS_UP,
    /** Talks on: nothing ends the recording until the call does. */
    TALKS_ON
  }

  private final WorkflowClient client;
  private final String callId;
  private volatile Caller caller;
  private volatile boolean uploadFails;
  private final AtomicLong sequence = new AtomicLong(10_000);
  final List<String> commands = new CopyOnWriteArrayList<>();

  /** Each recording's row states, in order. */
  final Map<String, List<String>> rows = new ConcurrentHashMap<>();

  ScriptedRecorder(WorkflowClient client, String callId, Caller caller) {
    this.client = client;
    this.callId = callId;
    this.caller = caller;
  }

  ScriptedRecorder failingUploads() {
    uploadFails = true;
    return this;
  }

  @Override
  public RecordingFile startRecording(
      String channelUuid, String recordingId, int maxSeconds, int silenceMillis) {
    commands.add("record " + maxSeconds + "s silence " + silenceMillis + "ms");
    String path = "/var/lib/irisx/recordings/" + recordingId + ".wav";
    switch (caller) {
      case STAYS_SILENT -> send(recordStop(channelUuid, path, "no-input-timeout", silenceMillis));
      case PRESSES_POUND -> send(event("DTMF", channelUuid, null, null, "#", null, null, null));
      case HANGS_UP -> {
        send(recordStop(channelUuid, path, "success-maxtime", 3_000L));
        send(
            event(
                ChannelEvent.CHANNEL_HANGUP,
                channelUuid,
                "NORMAL_CLEARING",
                "recv_bye",
                null,
                null,
                null,
                null));
        send(
            event(
                ChannelEvent.CHANNEL_HANGUP_COMPLETE,
                channelUuid,
                "NORMAL_CLEARING",
                "recv_bye",
                null,
                null,
                null,
                null));
      }
      case TALKS_ON -> {
        // nothing until the call ends
      }
    }
    return new RecordingFile(recordingId, "node-1", path, Instant.parse("2025-01-02T03:04:05Z"));
  }

  @Override
  public void stopRecording(String channelUuid, String path) {
    commands.add("stop-record");
    send(recordStop(channelUuid, path, "success-maxtime", 1_500L));
  }

  @Override
  public UploadedRecording upload(RecordingUpload upload) {
    commands.add("upload " + upload.recordingId());
    if (uploadFails) {
      throw ApplicationFailure.newNonRetryableFailure("no file and no object", FILE_MISSING);
    }
    return new UploadedRecording(
        "recordings",
        upload.tenantId() + "/2025/01/02/" + upload.callId() + "/" + upload.recordingId() + ".wav",
        24_044,
        "ab".repeat(32),
        1_500);
  }

  @Override
  public void recordingStarted(String recordingId, String tenantId, String callId, Instant at) {
    rows.computeIfAbsent(recordingId, id -> new CopyOnWriteArrayList<>()).add("recording");
  }

  @Override
  public void recordingUploading(String recordingId) {
    rows.get(recordingId).add("uploading");
  }

  @Override
  public void recordingAvailable(String recordingId, UploadedRecording uploaded) {
    rows.get(recordingId).add("available");
  }

  @Override
  public void recordingFailed(String recordingId, String reason) {
    rows.get(recordingId).add("failed");
  }

  private ChannelEvent recordStop(String uuid, String path, String cause, long millis) {
    return event(ChannelEvent.RECORD_STOP, uuid, null, null, null, path, cause, millis);
  }

  private ChannelEvent event(
      String type,
      String uuid,
      String hangupCause,
      String disposition,
      String digit,
      String path,
      String cause,
      Long millis) {
    return new ChannelEvent(
        type,
        uuid,
        "core-1",
        sequence.incrementAndGet(),
        System.currentTimeMillis() * 1000,
        null,
        hangupCause,
        null,
        digit,
        null,
        null,
        disposition,
        path,
        cause,
        millis);
  }

  private void send(ChannelEvent event) {
    client
        .newWorkflowStub(CallWorkflow.class, CallRequest.workflowId(callId))
        .onChannelEvent(event);
  }
}
