package io.irisx.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The default call limits of a tenant (an operator can set each per tenant), and how long a slot's
 * lease lasts. They apply when {@code rateLimit.redisAddress} names a Redis: the slots live there.
 */
public class CallLimitSettings {
  @Min(1)
  @Max(10_000)
  private int callsPerSecond = 10;

  @Min(1)
  @Max(1_000_000)
  private int maxConcurrentCalls = 50;

  @Min(1)
  @Max(86_400)
  private int maxQueueWaitSeconds = 300;

  /** A call renews its lease every third of this; a vanished call frees its slot after it. */
  @Min(2)
  @Max(3_600)
  private int slotLeaseSeconds = 60;

  @JsonProperty
  public int getCallsPerSecond() {
    return callsPerSecond;
  }

  @JsonProperty
  public void setCallsPerSecond(int callsPerSecond) {
    this.callsPerSecond = callsPerSecond;
  }

  @JsonProperty
  public int getMaxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  @JsonProperty
  public void setMaxConcurrentCalls(int maxConcurrentCalls) {
    this.maxConcurrentCalls = maxConcurrentCalls;
  }

  @JsonProperty
  public int getMaxQueueWaitSeconds() {
    return maxQueueWaitSeconds;
  }

  @JsonProperty
  public void setMaxQueueWaitSeconds(int maxQueueWaitSeconds) {
    this.maxQueueWaitSeconds = maxQueueWaitSeconds;
  }

  @JsonProperty
  public int getSlotLeaseSeconds() {
    return slotLeaseSeconds;
  }

  @JsonProperty
  public void setSlotLeaseSeconds(int slotLeaseSeconds) {
    this.slotLeaseSeconds = slotLeaseSeconds;
  }
}
