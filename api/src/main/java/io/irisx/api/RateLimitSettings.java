package io.irisx.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The request rate each API key may use. With a Redis address the limit is one budget shared by
 * every API replica (Redisson's rate limiter); without one, each replica keeps its own.
 */
public class RateLimitSettings {
  /** What the API does while Redis does not answer. */
  public enum WhenRedisUnavailable {
    /**
     * Each replica limits every key on its own, in memory, at the same rate, until Redis is back.
     */
    LOCAL,
    /** Every tenant request is answered {@code 503 rate-limiter-unavailable}. */
    REJECT;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static WhenRedisUnavailable of(String name) {
      return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    }
  }

  @Min(1)
  @Max(1_000_000)
  private int requestsPerSecond = 50;

  private String redisAddress = "";

  private String redisPassword = "";

  @NotNull private WhenRedisUnavailable whenRedisUnavailable = WhenRedisUnavailable.LOCAL;

  /** How long Redis may take to answer before the fallback applies. */
  @Min(10)
  @Max(10_000)
  private int redisTimeoutMillis = 250;

  @JsonProperty
  public int getRequestsPerSecond() {
    return requestsPerSecond;
  }

  @JsonProperty
  public void setRequestsPerSecond(int requestsPerSecond) {
    this.requestsPerSecond = requestsPerSecond;
  }

  @JsonProperty
  public String getRedisAddress() {
    return redisAddress;
  }

  @JsonProperty
  public void setRedisAddress(String redisAddress) {
    this.redisAddress = redisAddress == null ? "" : redisAddress.strip();
  }

  @JsonProperty
  public String getRedisPassword() {
    return redisPassword;
  }

  @JsonProperty
  public void setRedisPassword(String redisPassword) {
    this.redisPassword = redisPassword == null ? "" : redisPassword;
  }

  @JsonProperty
  public WhenRedisUnavailable getWhenRedisUnavailable() {
    return whenRedisUnavailable;
  }

  @JsonProperty
  public void setWhenRedisUnavailable(WhenRedisUnavailable whenRedisUnavailable) {
    this.whenRedisUnavailable = whenRedisUnavailable;
  }

  @JsonProperty
  public int getRedisTimeoutMillis() {
    return redisTimeoutMillis;
  }

  @JsonProperty
  public void setRedisTimeoutMillis(int redisTimeoutMillis) {
    this.redisTimeoutMillis = redisTimeoutMillis;
  }

  @JsonIgnore
  public boolean usesRedis() {
    return !redisAddress.isEmpty();
  }

  @Override
  public String toString() {
    return "RateLimitSettings[requestsPerSecond="
        + requestsPerSecond
        + ", redisAddress="
        + redisAddress
        + "]";
  }
}
