package io.irisx.activities.esl;

/** The node's event socket is down or did not answer in time; retrying later may succeed. */
public final class SwitchUnavailableException extends RuntimeException {
  public SwitchUnavailableException(String message) {
    super(message);
  }

  public SwitchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
