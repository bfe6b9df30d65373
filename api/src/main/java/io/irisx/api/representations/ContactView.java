package io.irisx.api.representations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.irisx.db.ContactRow;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A contact of the tenant's. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "id",
  "firstName",
  "lastName",
  "phoneNumber",
  "email",
  "company",
  "tags",
  "notes",
  "metadata",
  "createdAt",
  "updatedAt"
})
public record ContactView(
    String id,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String phoneNumber,
    @Nullable String email,
    @Nullable String company,
    List<String> tags,
    @Nullable String notes,
    Map<String, Object> metadata,
    String createdAt,
    @Nullable String updatedAt) {

  public static ContactView of(ContactRow row) {
    return new ContactView(
        row.id().toString(),
        row.firstName(),
        row.lastName(),
        row.phoneNumber(),
        row.email(),
        row.company(),
        JsonText.strings(row.tagsJson()),
        row.notes(),
        JsonText.object(row.metadataJson()),
        CallView.time(row.createdAt()),
        CallView.time(row.updatedAt()));
  }
}
