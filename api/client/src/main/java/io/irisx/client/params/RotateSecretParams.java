package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/webhooks/{id}/rotate-secret}: how long the previous secret keeps signing too. */
@ApiSchema("RotateSecret")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RotateSecretParams(@Nullable Integer overlapSeconds) {
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RotateSecretParams}. */
  public static final class Builder {
    private @Nullable Integer overlapSeconds;

    private Builder() {}

    public Builder overlapSeconds(@Nullable Integer value) {
      overlapSeconds = value;
      return this;
    }

    public RotateSecretParams build() {
      return new RotateSecretParams(overlapSeconds);
    }
  }
}
