package io.irisx.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.irisx.workflows.call.CallRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How the API starts calls: the timeouts handed to each call's workflow. */
public class CallSettings {
  @Min(1)
  private int ringTimeoutSeconds = CallRequest.DEFAULT_RING_TIMEOUT_SECONDS;

  @Min(1)
  private int watchdogSeconds = CallRequest.DEFAULT_WATCHDOG_SECONDS;

  /**
   * How long {@code POST /v1/calls} waits for Temporal to accept a workflow before answering 503.
   */
  @Min(1)
  @Max(60)
  private int startTimeoutSeconds = 10;

  /**
   * How long {@code POST /v1/calls}, after a start whose answer was lost, keeps asking Temporal
   * whether the call started before answering {@code 503 call-outcome-unknown}.
   */
  @Min(1)
  @Max(60)
  private int startConfirmSeconds = 10;

  @JsonProperty
  public int getStartConfirmSeconds() {
    return startConfirmSeconds;
  }

  @JsonProperty
  public void setStartConfirmSeconds(int startConfirmSeconds) {
    this.startConfirmSeconds = startConfirmSeconds;
  }

  @JsonProperty
  public int getRingTimeoutSeconds() {
    return ringTimeoutSeconds;
  }

  @JsonProperty
  public void setRingTimeoutSeconds(int ringTimeoutSeconds) {
    this.ringTimeoutSeconds = ringTimeoutSeconds;
  }

  @JsonProperty
  public int getWatchdogSeconds() {
    return watchdogSeconds;
  }

  @JsonProperty
  public void setWatchdogSeconds(int watchdogSeconds) {
    this.watchdogSeconds = watchdogSeconds;
  }

  @JsonProperty
  public int getStartTimeoutSeconds() {
    return startTimeoutSeconds;
  }

  @JsonProperty
  public void setStartTimeoutSeconds(int startTimeoutSeconds) {
    this.startTimeoutSeconds = startTimeoutSeconds;
  }
}
