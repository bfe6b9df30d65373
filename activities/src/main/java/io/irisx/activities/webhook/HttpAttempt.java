package io.irisx.activities.webhook;

/**
 * What one HTTP request came to.
 *
 * @param status the HTTP status, null when no answer came
 * @param latencyMillis from sending to the answer (or to giving up)
 * @param bodyStart the first bytes of the response body
 * @param error why there was no usable answer; null when there was one
 * @param refused the address policy refused the URL: nothing was sent
 */
record HttpAttempt(
    Integer status, long latencyMillis, String bodyStart, String error, boolean refused) {
  boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }

  boolean gone() {
    return status != null && status == 410;
  }
}
