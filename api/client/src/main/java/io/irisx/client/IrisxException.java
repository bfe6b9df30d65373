package io.irisx.client;

/** Anything that went wrong talking to the API; see the subclasses. */
public class IrisxException extends RuntimeException {
  public IrisxException(String message, Throwable cause) {
    super(message, cause);
  }
}
