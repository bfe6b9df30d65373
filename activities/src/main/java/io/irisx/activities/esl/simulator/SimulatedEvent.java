package io.irisx.activities.esl.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fired event: headers in FreeSWITCH insertion order (duplicates allowed, as in
 * CHANNEL_HANGUP_COMPLETE's two Hangup-Cause headers) and an optional body.
 */
record SimulatedEvent(String name, List<EventHeader> headers, String body) {

  SimulatedEvent {
    headers = List.copyOf(headers);
  }

  /** The first header of that name, compared case-insensitively as switch_event_get_header does. */
  String header(String headerName) {
    for (EventHeader h : headers) {
      if (h.name().equalsIgnoreCase(headerName)) {
        return h.value();
      }
    }
    return null;
  }

  /**
   * The text/event-plain payload: encoded headers, then the inner Content-Length and body, or a
   * blank line.
   */
  String plainPayload() {
    StringBuilder out = new StringBuilder(4096);
    for (EventHeader h : headers) {
      out.append(h.name()).append(": ").append(EventValueEncoding.encode(h.value())).append('\n');
    }
    if (body != null) {
      out.append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append("\n\n")
          .append(body);
    } else {
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The text/event-json payload: one unformatted object with raw values, like
   * cJSON_PrintUnformatted.
   */
  String jsonPayload() {
    StringBuilder out = new StringBuilder(4096).append('{');
    boolean first = true;
    for (EventHeader h : headers) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(JsonText.quote(h.name())).append(':').append(JsonText.quote(h.value()));
    }
    if (body != null) {
      out.append(",\"Content-Length\":")
          .append(JsonText.quote(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)))
          .append(",\"_body\":")
          .append(JsonText.quote(body));
    }
    return out.append('}').toString();
  }
}
