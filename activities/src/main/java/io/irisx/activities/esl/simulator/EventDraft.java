package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.List;

/** An event before the bus stamps the core headers and the sequence number on it. */
final class EventDraft {
  private final String name;
  private final CallSite site;
  private final List<EventHeader> headers = new ArrayList<>();
  private String body;

  EventDraft(String name, CallSite site) {
    this.name = name;
    this.site = site;
  }

  /** Adds a header; like switch_event_add_header, an empty or missing value adds nothing. */
  EventDraft add(String headerName, String value) {
    if (value != null && !value.isEmpty()) {
      headers.add(new EventHeader(headerName, value));
    }
    return this;
  }

  EventDraft addAll(List<EventHeader> more) {
    for (EventHeader h : more) {
      add(h.name(), h.value());
    }
    return this;
  }

  EventDraft body(String text) {
    this.body = text;
    return this;
  }

  String name() {
    return name;
  }

  CallSite site() {
    return site;
  }

  List<EventHeader> headers() {
    return headers;
  }

  String body() {
    return body;
  }
}
