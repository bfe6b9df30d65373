package io.irisx.activities.recording;

import io.irisx.db.RecordingDao;
import io.irisx.db.RecordingRow;
import io.irisx.workflows.recording.RecordingRetentionActivities;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds recordings past their tenant's retention period and deletes them: the object first, then
 * the row, so a crash between the two leaves a row the next run deletes again (harmless: deleting a
 * missing object succeeds), never an object nobody points at.
 */
public final class RecordingRetentionActivitiesImpl implements RecordingRetentionActivities {
  private static final Logger log = LoggerFactory.getLogger(RecordingRetentionActivitiesImpl.class);

  private final RecordingDao recordings;
  private final RecordingStore store;

  public RecordingRetentionActivitiesImpl(Jdbi jdbi, RecordingStore store) {
    this.recordings = jdbi.onDemand(RecordingDao.class);
    this.store = store;
  }

  @Override
  public List<String> findExpired(int limit) {
    return recordings.findExpired(Math.max(1, Math.min(limit, 1000))).stream()
        .map(UUID::toString)
        .toList();
  }

  @Override
  public void delete(String recordingId) {
    UUID id = UUID.fromString(recordingId);
    RecordingRow row = recordings.findAny(id).orElse(null);
    if (row == null || "deleted".equals(row.status())) {
      return;
    }
    if (row.s3Key() != null) {
      if (!store.bucket().equals(row.s3Bucket())) {
        log.warn(
            "recording {} is in bucket {}, not {}; deleting it there",
            id,
            row.s3Bucket(),
            store.bucket());
      }
      store.delete(row.s3Bucket(), row.s3Key());
    }
    recordings.markDeleted(id);
    log.info("recording {} of tenant {} deleted: past its retention", id, row.tenantId());
  }
}
