package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/calls/{id}/play}: exactly one of a sound file on the node or a tone spec. */
@ApiSchema("PlayToCall")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayParams(
    @Nullable String file, @Nullable String tone, @Nullable String url, @Nullable String text) {
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PlayParams}. */
  public static final class Builder {
    private @Nullable String file;
    private @Nullable String tone;
    private @Nullable String url;
    private @Nullable String text;

    private Builder() {}

    public Builder file(String value) {
      file = value;
      return this;
    }

    public Builder tone(String value) {
      tone = value;
      return this;
    }

    public Builder url(String value) {
      url = value;
      return this;
    }

    public Builder text(String value) {
      text = value;
      return this;
    }

    public PlayParams build() {
      return new PlayParams(file, tone, url, text);
    }
  }
}
