package io.irisx.client.params;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /v1/calls}: filters and page size; every filter is optional. */
public record ListCallsParams(
    @Nullable Integer limit,
    @Nullable String status,
    @Nullable String direction,
    @Nullable String from,
    @Nullable String to,
    @Nullable String flow,
    @Nullable Instant createdFrom,
    @Nullable Instant createdTo) {
  public static final ListCallsParams NONE =
      new ListCallsParams(null, null, null, null, null, null, null, null);

  public static Builder builder() {
    return new Builder();
  }

  /** The query of the first page. */
  public Map<String, String> query() {
    Map<String, String> query = new LinkedHashMap<>();
    put(query, "limit", limit);
    put(query, "status", status);
    put(query, "direction", direction);
    put(query, "from", from);
    put(query, "to", to);
    put(query, "flow", flow);
    put(query, "createdFrom", createdFrom);
    put(query, "createdTo", createdTo);
    return query;
  }

  private static void put(Map<String, String> query, String name, @Nullable Object value) {
    if (value != null) {
      query.put(name, value.toString());
    }
  }

  /** Builds {@link ListCallsParams}. */
  public static final class Builder {
    private @Nullable Integer limit;
    private @Nullable String status;
    private @Nullable String direction;
    private @Nullable String from;
    private @Nullable String to;
    private @Nullable String flow;
    private @Nullable Instant createdFrom;
    private @Nullable Instant createdTo;

    private Builder() {}

    /** Calls per page, 1 to 100 (20 when not given). */
    public Builder limit(int value) {
      limit = value;
      return this;
    }

    /** queued, ringing, in-progress, completed, busy, no-answer, failed or canceled. */
    public Builder status(String value) {
      status = value;
      return this;
    }

    /** inbound or outbound. */
    public Builder direction(String value) {
      direction = value;
      return this;
    }

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

    /** Created at or after this instant. */
    public Builder createdFrom(Instant value) {
      createdFrom = value;
      return this;
    }

    /** Created before this instant. */
    public Builder createdTo(Instant value) {
      createdTo = value;
      return this;
    }

    public ListCallsParams build() {
      return new ListCallsParams(limit, status, direction, from, to, flow, createdFrom, createdTo);
    }
  }
}
