package io.irisx.activities.esl.simulator;

import java.util.Map;

/**
 * One command packet from a client: the command line, the header lines after it (names
 * case-insensitive, values not decoded, as mod_event_socket stores them) and the optional body.
 */
record ClientPacket(String commandLine, Map<String, String> headers, String body) {

  String header(String name) {
    return headers.get(name);
  }
}
