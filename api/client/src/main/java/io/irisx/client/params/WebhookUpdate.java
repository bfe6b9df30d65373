package io.irisx.client.params;

import io.irisx.client.ApiSchema;
import io.irisx.client.JsonPatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PATCH /v1/webhooks/{id}}: the fields set are replaced; an empty events list subscribes to
 * every type.
 */
@ApiSchema("WebhookPatch")
public final class WebhookUpdate extends JsonPatch {
  private WebhookUpdate(Map<String, Object> fields) {
    super(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WebhookUpdate}: only the fields set are sent. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder() {}

    public Builder url(String value) {
      fields.put("url", value);
      return this;
    }

    public Builder events(List<String> value) {
      fields.put("events", value);
      return this;
    }

    public Builder description(String value) {
      fields.put("description", value);
      return this;
    }

    /** Clears description. */
    public Builder clearDescription() {
      fields.put("description", null);
      return this;
    }

    public WebhookUpdate build() {
      return new WebhookUpdate(fields);
    }
  }
}
