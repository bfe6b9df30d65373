package io.irisx.workflows.webhook;

/**
 * One attempt of a delivery.
 *
 * @param attemptNumber unique within the delivery: an activity retried after a crash finds its
 *     attempt already recorded and does not send again
 * @param nextAttemptInMillis when the next attempt follows should this one fail; 0 when this is the
 *     last one, so a failure ends the delivery {@code failed}
 */
public record AttemptRequest(String deliveryId, int attemptNumber, long nextAttemptInMillis) {
  public boolean lastAttempt() {
    return nextAttemptInMillis <= 0;
  }
}
