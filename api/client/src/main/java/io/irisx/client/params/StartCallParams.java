package io.irisx.client.params;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.irisx.client.ApiSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
    Map<String, Object> params,
    String webhookUrl,
    Boolean record,
    Boolean queue) {
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
    private String from;
    private String to;
    private String flow;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String webhookUrl;
    private Boolean record;
    private Boolean queue;

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
    public Builder webhookUrl(String value) {
      webhookUrl = value;
      return this;
    }

    /** Records the whole call, from answer to hangup. */
    public Builder record(Boolean value) {
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
          from, to, flow, params.isEmpty() ? null : params, webhookUrl, record, queue);
    }
  }
}
