package io.irisx.activities.esl;

/** An api/bgapi command and its argument string, already validated. */
public record EslCommand(String command, String args) {
  @Override
  public String toString() {
    return args.isEmpty() ? command : command + " " + args;
  }
}
