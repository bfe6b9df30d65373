package io.irisx.activities.esl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last events delivered, by switch ({@code Core-UUID}) and {@code Event-Sequence}, so
 * one that arrives twice (around a reconnect) is delivered once. Bounded: the oldest are forgotten
 * first.
 */
final class SeenEvents {
  private final Map<String, Boolean> seen;

  SeenEvents(int capacity) {
    this.seen =
        new LinkedHashMap<>(capacity * 4 / 3 + 1) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True the first time an event is offered; events without both headers always pass. */
  synchronized boolean firstTime(SwitchEvent event) {
    String core = event.header("Core-UUID");
    String sequence = event.header("Event-Sequence");
    if (core == null || sequence == null) {
      return true;
    }
    return seen.put(core + "/" + sequence, Boolean.TRUE) == null;
  }
}
