package io.irisx.workflows.flow;

/** Thrown out of a {@link Call} method when the far end has hung up; catch it to clean up. */
public final class CallerHungUpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CallerHungUpException(String hangupCause) {
    super("the caller hung up (" + hangupCause + ")", null, false, false);
  }
}
