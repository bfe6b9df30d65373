package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/calls/{id}/dtmf}: 1 to 64 of 0-9 A-D * # (w and W pause). */
@ApiSchema("SendDtmf")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DtmfParams(String digits) {
  public DtmfParams {
    Objects.requireNonNull(digits, "digits");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DtmfParams}. */
  public static final class Builder {
    private @Nullable String digits;

    private Builder() {}

    public Builder digits(String value) {
      digits = value;
      return this;
    }

    public DtmfParams build() {
      return new DtmfParams(Objects.requireNonNull(digits, "digits"));
    }
  }
}
