package io.irisx.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How requests are sent: retries, timeout, and (for one POST) the {@code Idempotency-Key}. Without
 * a key of its own, every POST gets a new random key, reused by each retry of that request, so a
 * request that reached the API before the connection broke is not done twice.
 */
public record RequestOptions(
    int maxRetries,
    Duration timeout,
    Duration initialBackoff,
    Duration maxBackoff,
    Optional<String> idempotencyKey) {
  public static final RequestOptions DEFAULTS =
      new RequestOptions(
          2,
          Duration.ofSeconds(30),
          Duration.ofMillis(500),
          Duration.ofSeconds(8),
          Optional.empty());

  public RequestOptions {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more");
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }

  public static Builder builder() {
    return DEFAULTS.toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link RequestOptions}; starts from the defaults (2 retries, 30 s timeout). */
  public static final class Builder {
    private int maxRetries;
    private Duration timeout;
    private Duration initialBackoff;
    private Duration maxBackoff;
    private @Nullable String idempotencyKey;

    private Builder(RequestOptions from) {
      maxRetries = from.maxRetries();
      timeout = from.timeout();
      initialBackoff = from.initialBackoff();
      maxBackoff = from.maxBackoff();
      idempotencyKey = from.idempotencyKey().orElse(null);
    }

    /** Retries after a connection failure, 408, 409 (same key in progress), 429 and 5xx. */
    public Builder maxRetries(int value) {
      maxRetries = value;
      return this;
    }

    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    /** The first pause between attempts, doubled each time up to {@code max}. */
    public Builder backoff(Duration initial, Duration max) {
      initialBackoff = initial;
      maxBackoff = max;
      return this;
    }

    /**
     * The key for the next POST (1 to 255 visible ASCII characters; a UUID is ideal); null: a new
     * random key for each POST.
     */
    public Builder idempotencyKey(@Nullable String value) {
      idempotencyKey = value;
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(
          maxRetries, timeout, initialBackoff, maxBackoff, Optional.ofNullable(idempotencyKey));
    }
  }
}
