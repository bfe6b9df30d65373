package io.irisx.db;

import java.time.Instant;

/**
 * A request made with an {@code Idempotency-Key}: in flight while {@code responseStatus} is null,
 * then the response to replay.
 *
 * @param responseHeadersJson the replayed headers as a JSON object of strings
 */
public record IdempotencyRecord(
    String owner,
    String idempotencyKey,
    String requestHash,
    String method,
    String path,
    Integer responseStatus,
    String responseHeadersJson,
    byte[] responseBody,
    Instant lockedAt,
    Instant expiresAt) {

  public boolean completed() {
    return responseStatus != null;
  }
}
