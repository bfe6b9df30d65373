package io.irisx.workflows.call;

import java.time.Instant;

/**
 * A recording the switch is writing.
 *
 * @param recordingId the recording's UUID, as the workflow chose it
 * @param nodeId the node whose disk holds the file: {@link RecordingActivities#stopRecording} and
 *     {@link RecordingActivities#upload} must run on its queue
 * @param path the absolute path of the WAV file on that node, {@code <dir>/<recordingId>.wav}; also
 *     the {@code Record-File-Path} of the channel's RECORD_START and RECORD_STOP events
 * @param startedAt when the switch accepted the command (on a repeat, when the file was created)
 */
public record RecordingFile(String recordingId, String nodeId, String path, Instant startedAt) {}
