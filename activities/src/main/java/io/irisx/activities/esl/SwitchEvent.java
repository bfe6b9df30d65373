package io.irisx.activities.esl;

import java.util.Map;

/** One event from the switch: its name, its (URL-decoded) headers and its body, if any. */
public record SwitchEvent(String name, Map<String, String> headers, String body) {

  public SwitchEvent {
    headers = Map.copyOf(headers);
  }

  /** The header's value, or null when the event does not carry it. */
  public String header(String name) {
    return headers.get(name);
  }
}
