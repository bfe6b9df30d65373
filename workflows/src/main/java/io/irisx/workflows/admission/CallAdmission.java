package io.irisx.workflows.admission;

/**
 * The tenant's call limits as the API applied them when it accepted an outbound call, carried in
 * the call's request so its workflow knows how long to wait and how long a slot's lease lasts.
 *
 * @param admitted the API already took a slot for the call (there was room and no queue)
 * @param callsPerSecond the tenant's call rate
 * @param maxConcurrentCalls the tenant's calls up at once
 * @param maxWaitSeconds how long a queued call waits for a slot before it is canceled
 * @param leaseSeconds how long a slot is held without renewal: a call whose workflow is gone (a
 *     worker died, an operator terminated it) frees its slot after this long at the latest
 */
public record CallAdmission(
    boolean admitted,
    int callsPerSecond,
    int maxConcurrentCalls,
    int maxWaitSeconds,
    int leaseSeconds) {

  public CallAdmission {
    if (callsPerSecond < 1 || maxConcurrentCalls < 1 || maxWaitSeconds < 1 || leaseSeconds < 2) {
      throw new IllegalArgumentException("call limits must be positive (lease at least 2 s)");
    }
  }
}
