package io.irisx.db;

import java.time.Instant;
import java.util.UUID;

/**
 * Which of a tenant's calls to list or export; a null field does not filter.
 *
 * @param createdFrom calls created at or after this instant
 * @param createdBefore calls created strictly before this instant
 */
public record CallFilter(
    UUID tenantId,
    String status,
    String direction,
    String from,
    String to,
    String flow,
    Instant createdFrom,
    Instant createdBefore) {

  public static CallFilter all(UUID tenantId) {
    return new CallFilter(tenantId, null, null, null, null, null, null, null);
  }
}
