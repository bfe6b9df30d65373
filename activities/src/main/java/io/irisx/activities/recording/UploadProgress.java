package io.irisx.activities.recording;

import java.util.List;

/**
 * A multipart upload under way, as the activity heartbeats it: a retry after a crash carries on
 * from the parts already sent instead of sending them again.
 */
record UploadProgress(String key, String sha256Hex, String uploadId, List<Part> parts) {
  record Part(int number, String eTag, String checksumSha256) {}
}
