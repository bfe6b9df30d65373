package io.irisx.db;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which of a tenant's calls to list or export; a null field does not filter.
 *
 * @param createdFrom calls created at or after this instant
 * @param createdBefore calls created strictly before this instant
 */
public record CallFilter(
    UUID tenantId,
    @Nullable String status,
    @Nullable String direction,
    @Nullable String from,
    @Nullable String to,
    @Nullable String flow,
    @Nullable Instant createdFrom,
    @Nullable Instant createdBefore) {

  public static CallFilter all(UUID tenantId) {
    return new CallFilter(tenantId, null, null, null, null, null, null, null);
  }
}
