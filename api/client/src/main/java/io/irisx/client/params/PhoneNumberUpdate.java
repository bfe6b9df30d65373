package io.irisx.client.params;

import io.irisx.client.ApiSchema;
import io.irisx.client.JsonPatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PATCH /v1/phone-numbers/{id}}: the fields set are replaced; params and friendlyName can be
 * cleared.
 */
@ApiSchema("PhoneNumberPatch")
public final class PhoneNumberUpdate extends JsonPatch {
  private PhoneNumberUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PhoneNumberUpdate}: only the fields set are sent. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder() {}

    public Builder flow(String value) {
      fields.put("flow", value);
      return this;
    }

    public Builder params(Map<String, Object> value) {
      fields.put("params", value);
      return this;
    }

    /** Clears params. */
    public Builder clearParams() {
      fields.put("params", null);
      return this;
    }

    public Builder friendlyName(String value) {
      fields.put("friendlyName", value);
      return this;
    }

    /** Clears friendlyName. */
    public Builder clearFriendlyName() {
      fields.put("friendlyName", null);
      return this;
    }

    public PhoneNumberUpdate build() {
      return new PhoneNumberUpdate(fields);
    }
  }
}
