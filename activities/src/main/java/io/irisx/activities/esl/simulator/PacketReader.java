package io.irisx.activities.esl.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads client packets the way read_packet in mod_event_socket does: a packet ends at two LFs with
 * only CRs between them, leading blank lines are skipped, and a Content-Length header pulls a body.
 */
final class PacketReader {
  private static final int MAX_HEADER_BYTES = 10 * 1024 * 1024;
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final InputStream in;

  PacketReader(InputStream in) {
    this.in = in;
  }

  /** The next packet, or null when the peer closed the connection. */
  ClientPacket next() throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream(256);
    int lineFeeds = 0;
    boolean started = false;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (!started && (b == '\r' || b == '\n')) {
        continue;
      }
      started = true;
      if (b == '\n') {
        lineFeeds++;
        if (lineFeeds == 2) {
          break;
        }
      } else if (b != '\r') {
        lineFeeds = 0;
      }
      block.write(b);
      if (block.size() > MAX_HEADER_BYTES) {
        throw new IOException("command packet header block too large");
      }
    }
    return parse(block.toString(StandardCharsets.UTF_8));
  }

  private ClientPacket parse(String block) throws IOException {
    String[] lines = block.split("\r?\n|\r");
    String command = lines.length == 0 ? "" : lines[0].strip();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).stripLeading());
      }
    }
    String body = null;
    String length = headers.get("Content-Length");
    if (length != null) {
      int n;
      try {
        n = Integer.parseInt(length.strip());
      } catch (NumberFormatException e) {
        throw new IOException("bad Content-Length " + length);
      }
      if (n < 0 || n > MAX_BODY_BYTES) {
        throw new IOException("Content-Length out of range: " + n);
      }
      body = new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
    return new ClientPacket(command, headers, body);
  }
}
