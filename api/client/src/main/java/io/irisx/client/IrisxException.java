package io.irisx.client;

import org.jspecify.annotations.Nullable;

/** Anything that went wrong talking to the API; see the subclasses. */
public class IrisxException extends RuntimeException {
  public IrisxException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
