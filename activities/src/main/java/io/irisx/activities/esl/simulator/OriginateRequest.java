package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code originate} argument string. Only the first leg of a dial string is dialled:
 * simultaneous ({@code ,}) and failover ({@code |}) legs are beyond what the simulator models.
 *
 * @param variables the {@code {}} and {@code []} channel variables in the order given
 * @param channelName the endpoint part of the dial string, which FreeSWITCH uses as the channel
 *     name
 * @param application the app run after answer ({@code park}, {@code playback}); null for the
 *     extension form
 */
record OriginateRequest(
    String rawArguments,
    Map<String, String> variables,
    String channelName,
    String profile,
    String gateway,
    String destination,
    String host,
    String application,
    String applicationData,
    String extension,
    String callerIdName,
    String callerIdNumber,
    int timeoutSeconds) {

  private static final int DEFAULT_TIMEOUT_SECONDS = 60;

  OriginateRequest {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  String variable(String name) {
    return variables.get(name);
  }

  static OriginateRequest parse(String arguments) throws OriginateRefusal {
    List<String> tokens = splitArguments(arguments == null ? "" : arguments.strip());
    if (tokens.size() < 2 || tokens.size() > 7) {
      throw new OriginateRefusal(OriginateRefusal.USAGE);
    }
    Map<String, String> variables = new LinkedHashMap<>();
    String dial = firstLeg(takeVariables(tokens.get(0), variables));

    String target = tokens.get(1);
    String application = null;
    String applicationData = null;
    String extension = null;
    if (target.startsWith("&")) {
      int open = target.indexOf('(');
      application = open < 0 ? target.substring(1) : target.substring(1, open);
      if (open >= 0) {
        int close = target.indexOf(')', open);
        applicationData = target.substring(open + 1, close < 0 ? target.length() : close);
      }
    } else {
      extension = target;
    }
    String cidName = positional(tokens, 4);
    String cidNumber = positional(tokens, 5);
    int timeout = DEFAULT_TIMEOUT_SECONDS;
    String positionalTimeout = positional(tokens, 6);
    if (positionalTimeout != null) {
      timeout = parseSeconds(positionalTimeout, timeout);
    }
    if (variables.containsKey("originate_timeout")) {
      timeout = parseSeconds(variables.get("originate_timeout"), timeout);
    }

    String[] parts = dial.split("/", -1);
    if (parts.length < 2 || !parts[0].equals("sofia")) {
      throw new OriginateRefusal("-ERR CHAN_NOT_IMPLEMENTED\n");
    }
    String profile;
    String gateway = null;
    String userAndHost;
    if (parts[1].equals("gateway")) {
      if (parts.length < 4 || parts[2].isEmpty() || parts[3].isEmpty()) {
        throw new OriginateRefusal("-ERR INVALID_URL\n");
      }
      profile = "external";
      gateway = parts[2];
      userAndHost = String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length));
    } else {
      if (parts.length < 3 || parts[2].isEmpty()) {
        throw new OriginateRefusal("-ERR INVALID_URL\n");
      }
      profile = parts[1];
      userAndHost = String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
    int at = userAndHost.indexOf('@');
    String destination = at < 0 ? userAndHost : userAndHost.substring(0, at);
    String host =
        at < 0 ? (gateway != null ? gateway : "127.0.0.1") : userAndHost.substring(at + 1);
    return new OriginateRequest(
        arguments,
        variables,
        dial,
        profile,
        gateway,
        destination,
        host,
        application,
        applicationData,
        extension,
        cidName,
        cidNumber,
        timeout);
  }

  /** FreeSWITCH's first split: on spaces, with single quotes grouping and being removed. */
  private static List<String> splitArguments(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (!current.isEmpty()) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      tokens.add(current.toString());
    }
    return tokens;
  }

  /**
   * Strips leading {@code <..>}, {@code {..}} and {@code [..]} blocks into variables; returns the
   * rest.
   */
  private static String takeVariables(String dial, Map<String, String> variables)
      throws OriginateRefusal {
    String rest = dial;
    while (!rest.isEmpty() && "<{[".indexOf(rest.charAt(0)) >= 0) {
      char close =
          switch (rest.charAt(0)) {
            case '<' -> '>';
            case '{' -> '}';
            default -> ']';
          };
      int end = rest.indexOf(close);
      if (end < 0) {
        throw new OriginateRefusal("-ERR INVALID_URL\n");
      }
      putPairs(rest.substring(1, end), variables);
      rest = rest.substring(end + 1);
    }
    return rest;
  }

  private static void putPairs(String block, Map<String, String> variables) {
    char separator = ',';
    String body = block;
    if (body.startsWith("^^") && body.length() > 2) {
      separator = body.charAt(2);
      body = body.substring(3);
    }
    List<String> pairs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == separator) {
        current.append(separator);
        i++;
      } else if (c == separator) {
        pairs.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    pairs.add(current.toString());
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        String value = pair.substring(eq + 1);
        if (!value.isEmpty()) {
          variables.put(pair.substring(0, eq), value);
        }
      }
    }
  }

  private static String firstLeg(String dial) {
    int cut = dial.length();
    for (char c : new char[] {',', '|'}) {
      int at = dial.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return dial.substring(0, cut);
  }

  private static String positional(List<String> tokens, int index) {
    if (tokens.size() <= index) {
      return null;
    }
    String value = tokens.get(index);
    return value.equals("undef") ? null : value;
  }

  private static int parseSeconds(String text, int fallback) {
    try {
      int seconds = Integer.parseInt(text.strip());
      return seconds > 0 ? seconds : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
