package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.Map;
import java.util.Objects;

/** {@code POST /v1/calls/{id}/redirect}: run another flow on the live call. */
@ApiSchema("RedirectCall")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedirectParams(String flow, Map<String, Object> params) {
  public RedirectParams {
    Objects.requireNonNull(flow, "flow");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RedirectParams}. */
  public static final class Builder {
    private String flow;
    private Map<String, Object> params;

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
      return new RedirectParams(flow, params);
    }
  }
}
