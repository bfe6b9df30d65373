package io.irisx.client.params;

import io.irisx.client.ApiSchema;
import io.irisx.client.JsonPatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact's fields: for {@code POST /v1/contacts} (at least one of firstName, lastName,
 * phoneNumber, email, company) and {@code PATCH /v1/contacts/{id}} (the fields set are replaced,
 * cleared ones emptied).
 */
@ApiSchema("ContactInput")
public final class ContactParams extends JsonPatch {
  private ContactParams(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ContactParams}: only the fields set are sent. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder() {}

    public Builder firstName(String value) {
      fields.put("firstName", value);
      return this;
    }

    /** Clears firstName. */
    public Builder clearFirstName() {
      fields.put("firstName", null);
      return this;
    }

    public Builder lastName(String value) {
      fields.put("lastName", value);
      return this;
    }

    /** Clears lastName. */
    public Builder clearLastName() {
      fields.put("lastName", null);
      return this;
    }

    public Builder phoneNumber(String value) {
      fields.put("phoneNumber", value);
      return this;
    }

    /** Clears phoneNumber. */
    public Builder clearPhoneNumber() {
      fields.put("phoneNumber", null);
      return this;
    }

    public Builder email(String value) {
      fields.put("email", value);
      return this;
    }

    /** Clears email. */
    public Builder clearEmail() {
      fields.put("email", null);
      return this;
    }

    public Builder company(String value) {
      fields.put("company", value);
      return this;
    }

    /** Clears company. */
    public Builder clearCompany() {
      fields.put("company", null);
      return this;
    }

    public Builder tags(List<String> value) {
      fields.put("tags", value);
      return this;
    }

    /** Clears tags. */
    public Builder clearTags() {
      fields.put("tags", null);
      return this;
    }

    public Builder notes(String value) {
      fields.put("notes", value);
      return this;
    }

    /** Clears notes. */
    public Builder clearNotes() {
      fields.put("notes", null);
      return this;
    }

    public Builder metadata(Map<String, Object> value) {
      fields.put("metadata", value);
      return this;
    }

    /** Clears metadata. */
    public Builder clearMetadata() {
      fields.put("metadata", null);
      return this;
    }

    public ContactParams build() {
      return new ContactParams(fields);
    }
  }
}
