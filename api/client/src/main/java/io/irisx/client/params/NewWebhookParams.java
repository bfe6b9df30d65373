package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/webhooks}: an endpoint URL and the event types it wants (none: all). */
@ApiSchema("NewWebhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewWebhookParams(
    String url, @Nullable List<String> events, @Nullable String description) {
  public NewWebhookParams {
    Objects.requireNonNull(url, "url");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NewWebhookParams}. */
  public static final class Builder {
    private @Nullable String url;
    private @Nullable List<String> events;
    private @Nullable String description;

    private Builder() {}

    public Builder url(String value) {
      url = value;
      return this;
    }

    public Builder events(List<String> value) {
      events = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public NewWebhookParams build() {
      return new NewWebhookParams(Objects.requireNonNull(url, "url"), events, description);
    }
  }
}
