package io.irisx.workflows.flow;

/**
 * What the caller typed.
 *
 * @param digits the accepted input; empty when no attempt produced one
 * @param ending why the last attempt stopped collecting
 * @param attempts how many times the caller was asked
 */
public record GatherResult(String digits, Ending ending, int attempts) {

  public enum Ending {
    /** As many digits as were asked for. */
    MAX_DIGITS,
    /** The caller pressed a terminator key. */
    TERMINATOR,
    /** The caller stopped typing (or never started) before the input was complete. */
    TIMEOUT
  }

  /** True when the caller gave a valid answer; false after every attempt ran out. */
  public boolean answered() {
    return !digits.isEmpty();
  }
}
