package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one listener asked to receive: event names or ALL, CUSTOM subclasses, the format and the
 * header filters, with the delivery rule of mod_event_socket's event handler. Guarded by this
 * object's monitor because the listener thread edits it while the event bus reads it.
 */
final class EventSubscription {
  private final Set<String> names = new HashSet<>();
  private final Set<String> subclasses = new HashSet<>();
  private final List<HeaderFilter> filters = new ArrayList<>();
  private boolean all;
  private EventFormat format = EventFormat.PLAIN;

  /**
   * Adds names; returns false when none of them was a known event name (FreeSWITCH's "no
   * keywords").
   */
  synchronized boolean subscribe(EventFormat newFormat, List<String> tokens) {
    format = newFormat;
    boolean any = false;
    boolean custom = false;
    for (String token : tokens) {
      if (custom) {
        subclasses.add(token);
        any = true;
        continue;
      }
      String name = canonical(token);
      if (name.equals("ALL")) {
        all = true;
        any = true;
      } else if (name.equals("CUSTOM")) {
        custom = true;
        names.add(name);
        any = true;
      } else if (KnownEventNames.contains(name)) {
        names.add(name);
        any = true;
      }
    }
    return any;
  }

  synchronized void nix(List<String> tokens) {
    for (String token : tokens) {
      String name = canonical(token);
      if (name.equals("ALL")) {
        all = false;
        names.clear();
        subclasses.clear();
      } else {
        names.remove(name);
        subclasses.remove(token);
      }
    }
  }

  /** Clears every subscription; returns whether anything was subscribed before. */
  synchronized boolean clear() {
    boolean wasListening = all || !names.isEmpty() || !subclasses.isEmpty();
    all = false;
    names.clear();
    subclasses.clear();
    return wasListening;
  }

  synchronized void addFilter(String header, String value) {
    filters.add(new HeaderFilter(header, value));
  }

  synchronized void deleteFilter(String header, String value) {
    if (header.equalsIgnoreCase("all")) {
      filters.clear();
      return;
    }
    filters.removeIf(
        f -> f.header().equalsIgnoreCase(header) && (value == null || f.rawValue().equals(value)));
  }

  synchronized EventFormat format() {
    return format;
  }

  synchronized boolean wants(SimulatedEvent event) {
    boolean subscribed =
        all
            || names.contains(event.name())
            || (event.name().equals("CUSTOM")
                && subclasses.contains(event.header("Event-Subclass")));
    return subscribed && passesFilters(event);
  }

  /**
   * Once any filter exists an event needs a positive match and no negative one; missing headers
   * never match.
   */
  private boolean passesFilters(SimulatedEvent event) {
    if (filters.isEmpty()) {
      return true;
    }
    boolean matched = false;
    for (HeaderFilter filter : filters) {
      String value = event.header(filter.header());
      boolean hit = value != null && filter.matches(value);
      if (filter.negative()) {
        if (hit) {
          return false;
        }
      } else if (hit) {
        matched = true;
      }
    }
    return matched;
  }

  private static String canonical(String token) {
    String upper = token.toUpperCase(Locale.ROOT);
    return upper.startsWith("SWITCH_EVENT_") ? upper.substring("SWITCH_EVENT_".length()) : upper;
  }

  /** A filter value starting with '-' excludes, one starting with '/' is a regular expression. */
  private record HeaderFilter(String header, String rawValue) {
    boolean negative() {
      return rawValue.startsWith("-");
    }

    boolean matches(String actual) {
      String expected = negative() ? rawValue.substring(1) : rawValue;
      if (expected.startsWith("/")) {
        String regex =
            expected.endsWith("/") && expected.length() > 1
                ? expected.substring(1, expected.length() - 1)
                : expected.substring(1);
        try {
          return Pattern.compile(regex).matcher(actual).find();
        } catch (PatternSyntaxException e) {
          return false;
        }
      }
      return expected.equalsIgnoreCase(actual);
    }
  }
}
