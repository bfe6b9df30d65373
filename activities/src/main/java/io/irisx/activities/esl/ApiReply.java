package io.irisx.activities.esl;

/** The body of an {@code api/response}: {@code +OK ...}, {@code -ERR ...} or a command's output. */
public record ApiReply(String body) {

  public boolean isError() {
    return body.startsWith("-ERR") || body.startsWith("-USAGE");
  }

  /** The first line, trimmed: where FreeSWITCH puts the verdict. */
  public String firstLine() {
    return body.lines().findFirst().orElse("").trim();
  }
}
