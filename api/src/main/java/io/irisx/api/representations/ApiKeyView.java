package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.irisx.db.ApiKeySummary;
import org.jspecify.annotations.Nullable;

/**
 * An API key as listed: its recognisable prefix, never the key nor its hash. {@code key} is set
 * only in the answer to the request that made it, the one time the key is shown.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"id", "name", "prefix", "scope", "createdAt", "lastUsedAt", "key"})
public record ApiKeyView(
    String id,
    String name,
    String prefix,
    String scope,
    String createdAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String lastUsedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String key) {

  public static ApiKeyView of(ApiKeySummary row) {
    return new ApiKeyView(
        row.id().toString(),
        row.name(),
        row.keyPrefix(),
        row.scope(),
        CallView.time(row.createdAt()),
        CallView.time(row.lastUsedAt()),
        null);
  }

  /** The view of a key just made, with the key itself. */
  public static ApiKeyView withKey(ApiKeySummary row, String key) {
    ApiKeyView view = of(row);
    return new ApiKeyView(
        view.id, view.name, view.prefix, view.scope, view.createdAt, view.lastUsedAt, key);
  }

  @Override
  public String toString() {
    // Keeps the key out of anything that prints the record.
    return "ApiKeyView[id="
        + id
        + ", name="
        + name
        + ", prefix="
        + prefix
        + ", scope="
        + scope
        + "]";
  }
}
