package io.irisx.activities.esl.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded ESL session of the real switch (test resources, {@code esl-captures/}): what the
 * client sent and what the switch answered, frame by frame, as exact bytes. Frames the capture left
 * out are kept as {@link Omitted} notes in their place, with their event name and key headers.
 */
record CaptureFile(String name, List<Entry> entries) {
  private static final Pattern MARKER =
      Pattern.compile("^(>>> SENT|<<< RECEIVED) \\[t=\\+([0-9.]+)s ([0-9]+) bytes]$");
  private static final Pattern OMITTED =
      Pattern.compile("^### omitted frame \\[t=\\+([0-9.]+)s [0-9]+ bytes] (\\S+) (\\S+) (.*)$");

  /** One thing in the capture, at {@code millis} from its start. */
  sealed interface Entry permits Sent, Received, Omitted {
    long millis();
  }

  /** Bytes the client wrote. */
  record Sent(long millis, String text) implements Entry {}

  /** One frame the switch wrote. */
  record Received(long millis, EslTestClient.Frame frame) implements Entry {}

  /** A frame the capture left out, named by its note: event name and some of its headers. */
  record Omitted(long millis, String eventName, List<String[]> headers) implements Entry {
    String header(String name) {
      return headers.stream()
          .filter(h -> h[0].equals(name))
          .map(h -> h[1])
          .findFirst()
          .orElse(null);
    }
  }

  static CaptureFile load(String name) {
    try (InputStream in = CaptureFile.class.getResourceAsStream("/esl-captures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + name);
      }
      return parse(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CaptureFile parse(String name, byte[] bytes) {
    List<Entry> entries = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int end = indexOf(bytes, (byte) '\n', at);
      String line = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1);
      at = end + 1;
      Matcher marker = MARKER.matcher(line);
      if (marker.matches()) {
        long millis = Math.round(Double.parseDouble(marker.group(2)) * 1000);
        int length = Integer.parseInt(marker.group(3));
        byte[] wire = java.util.Arrays.copyOfRange(bytes, at, at + length);
        at += length + 1;
        if (marker.group(1).startsWith(">>>")) {
          entries.add(new Sent(millis, new String(wire, StandardCharsets.UTF_8)));
        } else {
          entries.add(new Received(millis, frame(wire)));
        }
        continue;
      }
      Matcher omitted = OMITTED.matcher(line);
      if (omitted.matches()) {
        List<String[]> headers = new ArrayList<>();
        for (String pair : omitted.group(4).split(" ")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            headers.add(new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
          }
        }
        entries.add(
            new Omitted(
                Math.round(Double.parseDouble(omitted.group(1)) * 1000),
                omitted.group(3),
                headers));
      } else if (!line.startsWith("###") && !line.isEmpty()) {
        throw new IllegalStateException(name + ": unexpected line " + line);
      }
    }
    return new CaptureFile(name, List.copyOf(entries));
  }

  /**
   * What the switch sent, left-out frames included, in order; without HEARTBEAT, which comes from
   * the switch's clock, not from the session.
   */
  List<Entry> switchFrames() {
    return entries.stream().filter(e -> !(e instanceof Sent) && !isHeartbeat(e)).toList();
  }

  static boolean isHeartbeat(Entry entry) {
    return entry instanceof Received received && isHeartbeat(received.frame());
  }

  static boolean isHeartbeat(EslTestClient.Frame frame) {
    return frame.isEvent()
        && frame.body() != null
        && frame.body().startsWith("Event-Name: HEARTBEAT\n");
  }

  private static EslTestClient.Frame frame(byte[] wire) {
    try {
      return EslTestClient.readFrame(new ByteArrayInputStream(wire));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return bytes.length;
  }
}
