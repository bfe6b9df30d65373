package io.irisx.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How long {@code Idempotency-Key} responses are kept, and how concurrent duplicates wait. */
public class IdempotencySettings {
  /** How long a response is replayed for its key; at least the 24 hours the API promises. */
  @Min(24)
  private int retentionHours = 24;

  /**
   * How long a request waits for a concurrent request with the same key (on any replica) to finish,
   * to answer with its response; after that, {@code 409 idempotency-key-in-use}.
   */
  @Min(0)
  @Max(120)
  private int waitSeconds = 20;

  /**
   * After how long a request still in flight counts as abandoned (its replica died), so that a
   * retry with the same key may run it again. Longer than any request takes.
   */
  @Min(30)
  private int abandonedAfterSeconds = 120;

  @JsonProperty
  public int getRetentionHours() {
    return retentionHours;
  }

  @JsonProperty
  public void setRetentionHours(int retentionHours) {
    this.retentionHours = retentionHours;
  }

  @JsonProperty
  public int getWaitSeconds() {
    return waitSeconds;
  }

  @JsonProperty
  public void setWaitSeconds(int waitSeconds) {
    this.waitSeconds = waitSeconds;
  }

  @JsonProperty
  public int getAbandonedAfterSeconds() {
    return abandonedAfterSeconds;
  }

  @JsonProperty
  public void setAbandonedAfterSeconds(int abandonedAfterSeconds) {
    this.abandonedAfterSeconds = abandonedAfterSeconds;
  }
}
