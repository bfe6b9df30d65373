package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.db.TenantRow;

/**
 * A tenant, as the operator endpoints show it. {@code recordingRetentionDays} is null when the
 * tenant's recordings are kept until someone deletes them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TenantView(
    String id, String name, String status, String createdAt, Integer recordingRetentionDays) {
  public static TenantView of(TenantRow row) {
    return new TenantView(
        row.id().toString(),
        row.name(),
        row.status(),
        CallView.time(row.createdAt()),
        row.recordingRetentionDays());
  }
}
