package io.irisx.activities.webhook;

/**
 * What one HTTP request came to.
 *
 * @param status the HTTP status, null when no answer came
 * @param latencyMillis from sending to the answer (or to giving up)
 * @param bodyStart the first bytes of the response body
 * @param error why there was no usable answer; null when there was one
 * @param refused the address policy refused the URL: nothing was sent
 * @param retryAfterMillis the {@code Retry-After} of a 429 or 503 answer, null otherwise
 * @param refusedForGood refused, and no retry can change that (the address, not the name service)
 */
record HttpAttempt(
    Integer status,
    long latencyMillis,
    String bodyStart,
    String error,
    boolean refused,
    Long retryAfterMillis,
    boolean refusedForGood) {

  HttpAttempt(Integer status, long latencyMillis, String bodyStart, String error, boolean refused) {
    this(status, latencyMillis, bodyStart, error, refused, null, false);
  }

  static HttpAttempt refusal(String reason, boolean forGood) {
    return new HttpAttempt(null, 0, null, "refused: " + reason, true, null, forGood);
  }

  boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }

  boolean gone() {
    return status != null && status == 410;
  }
}
