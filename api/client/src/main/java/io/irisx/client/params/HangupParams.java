package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/calls/{id}/hangup}: the Q.850 cause name (NORMAL_CLEARING when left out). */
@ApiSchema("HangupCall")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HangupParams(@Nullable String cause) {
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link HangupParams}. */
  public static final class Builder {
    private @Nullable String cause;

    private Builder() {}

    public Builder cause(String value) {
      cause = value;
      return this;
    }

    public HangupParams build() {
      return new HangupParams(cause);
    }
  }
}
