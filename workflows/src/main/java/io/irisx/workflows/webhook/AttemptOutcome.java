package io.irisx.workflows.webhook;

/**
 * What one attempt came to.
 *
 * @param result {@code succeeded}, {@code failed}, {@code gone}, {@code refused} (the address is
 *     not allowed) or {@code skipped} (the endpoint is disabled or deleted: nothing was sent)
 * @param responseStatus the HTTP status, null without an answer
 * @param error why it failed, null on success
 * @param deliveryStatus the delivery's status after it: {@code PENDING} while retries remain
 * @param retryAfterMillis what the receiver's {@code Retry-After} asked for on a 429 or 503, null
 *     otherwise (and in histories recorded before it was read)
 */
public record AttemptOutcome(
    int attemptNumber,
    String result,
    Integer responseStatus,
    String error,
    DeliveryStatus deliveryStatus,
    Long retryAfterMillis) {

  public AttemptOutcome(
      int attemptNumber,
      String result,
      Integer responseStatus,
      String error,
      DeliveryStatus deliveryStatus) {
    this(attemptNumber, result, responseStatus, error, deliveryStatus, null);
  }
}
