package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/api-keys}: a name and a scope (full or read-only; full when left out). */
@ApiSchema("NewApiKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewApiKeyParams(String name, @Nullable String scope) {
  public NewApiKeyParams {
    Objects.requireNonNull(name, "name");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NewApiKeyParams}. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String scope;

    private Builder() {}

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder scope(String value) {
      scope = value;
      return this;
    }

    public NewApiKeyParams build() {
      return new NewApiKeyParams(Objects.requireNonNull(name, "name"), scope);
    }
  }
}
