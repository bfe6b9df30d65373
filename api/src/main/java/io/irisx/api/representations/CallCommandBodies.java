package io.irisx.api.representations;

import java.util.Map;

/** The JSON bodies of the call-control routes ({@code /v1/calls/{id}/...}). */
public final class CallCommandBodies {
  private CallCommandBodies() {}

  /** {@code {"cause": "NORMAL_CLEARING"}}; the body, or the cause, may be left out. */
  public record Hangup(String cause) {}

  /**
   * Exactly one of: a sound file on the node, a tone spec, a URL, or text to speak; and what to do
   * when a prompt of the flow is playing.
   */
  public record Play(
      String file,
      String tone,
      String url,
      String text,
      @com.fasterxml.jackson.annotation.JsonPropertyDescription(
              "while a prompt of the flow plays: 'interrupt' (default) cuts it and plays this at"
                  + " once; 'queue' plays this after it (the answer says queued: true). Either way"
                  + " the flow goes on once this has been heard")
          String mode) {}

  public record Dtmf(String digits) {}

  public record Redirect(String flow, Map<String, Object> params) {}
}
