package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.Objects;

/** {@code POST /v1/api-keys}: a name and a scope (full or read-only; full when left out). */
@ApiSchema("NewApiKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewApiKeyParams(String name, String scope) {
  public NewApiKeyParams {
    Objects.requireNonNull(name, "name");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NewApiKeyParams}. */
  public static final class Builder {
    private String name;
    private String scope;

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
      return new NewApiKeyParams(name, scope);
    }
  }
}
