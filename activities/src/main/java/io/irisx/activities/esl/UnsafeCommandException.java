package io.irisx.activities.esl;

/** A value that would change the meaning of an ESL command if sent; nothing was sent. */
public final class UnsafeCommandException extends IllegalArgumentException {
  public UnsafeCommandException(String message) {
    super(message);
  }
}
