package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/calls}: dial {@code to} from {@code from} and run {@code flow} once answered.
 * {@code queue} false refuses (429) rather than queues a call over the tenant's limits.
 */
@ApiSchema("StartCall")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartCallParams(
    String from,
    String to,
    String flow,
    @Nullable Map<String, Object> params,
    @Nullable String webhookUrl,
    @Nullable Boolean record,
    @Nullable Boolean queue) {
  public StartCallParams {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(flow, "flow");
    params = params == null ? null : Map.copyOf(params);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder =
        new Builder().from(from).to(to).flow(flow).webhookUrl(webhookUrl).record(record);
    builder.queue = queue;
    if (params != null) {
      builder.params.putAll(params);
    }
    return builder;
  }

  /** Builds {@link StartCallParams}; from, to (E.164) and flow are required. */
  public static final class Builder {
    private @Nullable String from;
    private @Nullable String to;
    private @Nullable String flow;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private @Nullable String webhookUrl;
    private @Nullable Boolean record;
    private @Nullable Boolean queue;

    private Builder() {}

    public Builder from(String value) {
      from = value;
      return this;
    }

    public Builder to(String value) {
      to = value;
      return this;
    }

    public Builder flow(String value) {
      flow = value;
      return this;
    }

    /** One parameter handed to the flow. */
    public Builder param(String name, Object value) {
      params.put(name, value);
      return this;
    }

    public Builder params(Map<String, ?> values) {
      params.putAll(values);
      return this;
    }

    /** The call's own URL for its events, besides the tenant's endpoints. */
    public Builder webhookUrl(@Nullable String value) {
      webhookUrl = value;
      return this;
    }

    /** Records the whole call, from answer to hangup. */
    public Builder record(@Nullable Boolean value) {
      record = value;
      return this;
    }

    /** False: over the tenant's call limits, answer 429 rather than queue the call. */
    public Builder queue(boolean value) {
      queue = value;
      return this;
    }

    public StartCallParams build() {
      return new StartCallParams(
          Objects.requireNonNull(from, "from"),
          Objects.requireNonNull(to, "to"),
          Objects.requireNonNull(flow, "flow"),
          params.isEmpty() ? null : params,
          webhookUrl,
          record,
          queue);
    }
  }
}
