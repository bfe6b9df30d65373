package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.irisx.db.RecordingRow;
import org.jspecify.annotations.Nullable;

/**
 * A recording as the API shows it everywhere. {@code url} is a presigned download URL while the
 * recording is available (null otherwise), valid until {@code urlExpiresAt}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "id", "callId", "status", "contentType", "durationMillis", "sizeBytes", "checksumSha256",
  "startedAt", "endedAt", "uploadedAt", "createdAt", "failureReason", "url", "urlExpiresAt"
})
public record RecordingView(
    String id,
    String callId,
    String status,
    String contentType,
    @Nullable Long durationMillis,
    @Nullable Long sizeBytes,
    @Nullable String checksumSha256,
    @Nullable String startedAt,
    @Nullable String endedAt,
    @Nullable String uploadedAt,
    String createdAt,
    @Nullable String failureReason,
    @Nullable String url,
    @Nullable String urlExpiresAt) {

  public static RecordingView of(
      RecordingRow row, @Nullable String url, java.time.Instant urlExpiresAt) {
    return new RecordingView(
        row.id().toString(),
        row.callId().toString(),
        row.status(),
        row.contentType(),
        row.durationMillis(),
        row.sizeBytes(),
        row.checksumSha256(),
        CallView.time(row.startedAt()),
        CallView.time(row.endedAt()),
        CallView.time(row.uploadedAt()),
        CallView.time(row.createdAt()),
        row.failureReason(),
        url,
        url == null ? null : CallView.time(urlExpiresAt));
  }
}
