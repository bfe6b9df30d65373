package io.irisx.workflows.call;

import java.time.Instant;

/**
 * What {@link RecordingActivities#upload} sends, and where to.
 *
 * @param recordingId the recording's UUID
 * @param tenantId the call's tenant UUID: the first part of the object key
 * @param callId the call's UUID
 * @param path {@link RecordingFile#path()}
 * @param startedAt {@link RecordingFile#startedAt()}: its UTC date is in the object key
 */
public record RecordingUpload(
    String recordingId, String tenantId, String callId, String path, Instant startedAt) {}
