package io.irisx.activities.recording;

import io.irisx.db.RecordingDao;
import io.irisx.db.RecordingRow;
import io.irisx.workflows.call.RecordingRecordActivities;
import io.irisx.workflows.call.UploadedRecording;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecordingRecordActivities} over {@code recordings}: each write one idempotent statement.
 */
public final class RecordingRecordActivitiesImpl implements RecordingRecordActivities {
  private static final Logger log = LoggerFactory.getLogger(RecordingRecordActivitiesImpl.class);
  private static final int MAX_REASON = 1000;

  private final RecordingDao recordings;

  public RecordingRecordActivitiesImpl(Jdbi jdbi) {
    this.recordings = jdbi.onDemand(RecordingDao.class);
  }

  @Override
  public void recordingStarted(String recordingId, String tenantId, String callId, Instant at) {
    UUID id = uuid(recordingId, "recordingId");
    UUID tenant = uuid(tenantId, "tenantId");
    UUID call = uuid(callId, "callId");
    try {
      if (recordings.insertStarted(id, tenant, call, at) == 0) {
        RecordingRow existing = recordings.findAny(id).orElseThrow();
        if (!existing.tenantId().equals(tenant) || !existing.callId().equals(call)) {
          throw ApplicationFailure.newNonRetryableFailure(
              "recording " + id + " belongs to another call", INVALID_RECORDING);
        }
      }
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      if (e.getCause() instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "call " + call + " is not tenant " + tenant + "'s", INVALID_RECORDING);
      }
      throw e;
    }
  }

  @Override
  public void recordingUploading(String recordingId) {
    UUID id = uuid(recordingId, "recordingId");
    if (recordings.markUploading(id) == 0) {
      requireRow(id);
    }
  }

  @Override
  public void recordingAvailable(String recordingId, UploadedRecording uploaded) {
    UUID id = uuid(recordingId, "recordingId");
    int changed =
        recordings.markAvailable(
            id,
            uploaded.bucket(),
            uploaded.key(),
            uploaded.sizeBytes(),
            uploaded.checksumSha256(),
            uploaded.durationMillis());
    if (changed == 0) {
      RecordingRow row = requireRow(id);
      if (!"available".equals(row.status())) {
        log.info("recording {} is {}; not marking it available", id, row.status());
      }
    }
  }

  @Override
  public void recordingFailed(String recordingId, String reason) {
    UUID id = uuid(recordingId, "recordingId");
    String shown =
        reason == null
            ? "unknown"
            : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    if (recordings.markFailed(id, shown) == 0) {
      requireRow(id);
    }
  }

  private RecordingRow requireRow(UUID id) {
    return recordings
        .findAny(id)
        .orElseThrow(
            () ->
                ApplicationFailure.newFailure("no recording " + id + " yet", RECORDING_NOT_FOUND));
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          field + " is not a UUID: " + value, INVALID_RECORDING);
    }
  }
}
