package io.irisx.api.representations;

import java.util.Map;

/** The JSON bodies of the call-control routes ({@code /v1/calls/{id}/...}). */
public final class CallCommandBodies {
  private CallCommandBodies() {}

  /** {@code {"cause": "NORMAL_CLEARING"}}; the body, or the cause, may be left out. */
  public record Hangup(String cause) {}

  /** Exactly one of: a sound file on the node, a tone spec, a URL, or text to speak. */
  public record Play(String file, String tone, String url, String text) {}

  public record Dtmf(String digits) {}

  public record Redirect(String flow, Map<String, Object> params) {}
}
