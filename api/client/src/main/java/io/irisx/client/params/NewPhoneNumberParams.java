package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/phone-numbers}: a number (E.164) and the flow its inbound calls run. */
@ApiSchema("NewPhoneNumber")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewPhoneNumberParams(
    String number,
    String flow,
    @Nullable Map<String, Object> params,
    @Nullable String friendlyName) {
  public NewPhoneNumberParams {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(flow, "flow");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NewPhoneNumberParams}. */
  public static final class Builder {
    private @Nullable String number;
    private @Nullable String flow;
    private @Nullable Map<String, Object> params;
    private @Nullable String friendlyName;

    private Builder() {}

    public Builder number(String value) {
      number = value;
      return this;
    }

    public Builder flow(String value) {
      flow = value;
      return this;
    }

    public Builder params(Map<String, Object> value) {
      params = value;
      return this;
    }

    public Builder friendlyName(String value) {
      friendlyName = value;
      return this;
    }

    public NewPhoneNumberParams build() {
      return new NewPhoneNumberParams(
          Objects.requireNonNull(number, "number"),
          Objects.requireNonNull(flow, "flow"),
          params,
          friendlyName);
    }
  }
}
