package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/calls/{id}/redirect}: run another flow on the live call. */
@ApiSchema("RedirectCall")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedirectParams(String flow, @Nullable Map<String, Object> params) {
  public RedirectParams {
    Objects.requireNonNull(flow, "flow");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RedirectParams}. */
  public static final class Builder {
    private @Nullable String flow;
    private @Nullable Map<String, Object> params;

    private Builder() {}

    public Builder flow(String value) {
      flow = value;
      return this;
    }

    public Builder params(Map<String, Object> value) {
      params = value;
      return this;
    }

    public RedirectParams build() {
      return new RedirectParams(Objects.requireNonNull(flow, "flow"), params);
    }
  }
}
