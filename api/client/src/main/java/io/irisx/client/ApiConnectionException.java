package io.irisx.client;

/** The API could not be reached, or the connection broke before an answer (after every retry). */
public final class ApiConnectionException extends IrisxException {
  public ApiConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
