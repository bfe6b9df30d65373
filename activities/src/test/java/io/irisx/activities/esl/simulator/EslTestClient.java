package io.irisx.activities.esl.simulator;

import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A deliberately dumb ESL client for tests: raw socket, frames kept as exact bytes, replies
 * separated from events. Knows nothing the simulator knows, so it checks the wire, not the code.
 */
final class EslTestClient implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(5);

  /** One frame as received: its exact bytes plus the parsed outer headers and body. */
  record Frame(byte[] raw, List<String[]> headers, String body) {
    String header(String name) {
      return headers.stream()
          .filter(h -> h[0].equals(name))
          .map(h -> h[1])
          .findFirst()
          .orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    String text() {
      return new String(raw, StandardCharsets.UTF_8);
    }

    boolean isEvent() {
      return contentType() != null && contentType().startsWith("text/event-");
    }
  }

  /** A text/event-plain event, header values percent-decoded, duplicates kept in order. */
  record Event(List<String[]> headers, String body, Frame frame) {
    String name() {
      return header("Event-Name");
    }

    String header(String name) {
      return headers.stream()
          .filter(h -> h[0].equals(name))
          .map(h -> h[1])
          .findFirst()
          .orElse(null);
    }

    List<String> all(String name) {
      return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).toList();
    }

    String uuid() {
      return header("Unique-ID");
    }
  }

  private final Socket socket;
  private final LinkedBlockingQueue<Frame> replies = new LinkedBlockingQueue<>();
  private final List<Frame> everything = new CopyOnWriteArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private volatile boolean endOfStream;

  private EslTestClient(Socket socket) {
    this.socket = socket;
    Thread.ofVirtual().start(this::readFrames);
  }

  static EslTestClient connect(EslSimulator simulator) throws IOException {
    return new EslTestClient(new Socket(simulator.host(), simulator.port()));
  }

  /** Connects, reads the greeting and authenticates. */
  static EslTestClient authenticated(EslSimulator simulator, String password) throws IOException {
    EslTestClient client = connect(simulator);
    client.nextReply();
    Frame reply = client.command("auth " + password);
    if (!"+OK accepted".equals(reply.header("Reply-Text"))) {
      throw new IllegalStateException("auth failed: " + reply.text());
    }
    return client;
  }

  void send(String packet) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(packet.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Sends one command (adding the blank line) and returns its reply. */
  Frame command(String command) throws IOException {
    send(command.endsWith("\n\n") ? command : command + "\n\n");
    return nextReply();
  }

  String api(String command) throws IOException {
    return command("api " + command).body();
  }

  Frame nextReply() {
    try {
      Frame frame = replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (frame == null) {
        throw new AssertionError("no reply within " + WAIT);
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  List<Frame> frames() {
    return List.copyOf(everything);
  }

  Event awaitEvent(String name, String uuid) {
    return awaitEvent(e -> name.equals(e.name()) && (uuid == null || uuid.equals(e.uuid())));
  }

  Event awaitEvent(Predicate<Event> wanted) {
    return await()
        .atMost(WAIT)
        .until(() -> events.stream().filter(wanted).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  List<String> eventNamesFor(String uuid) {
    return events.stream().filter(e -> uuid.equals(e.uuid())).map(Event::name).toList();
  }

  boolean closedByServer() {
    return endOfStream;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void readFrames() {
    try {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      while (true) {
        Frame frame = readFrame(in);
        if (frame == null) {
          endOfStream = true;
          return;
        }
        everything.add(frame);
        if (frame.isEvent()) {
          if ("text/event-plain".equals(frame.contentType())) {
            events.add(parsePlain(frame));
          }
        } else {
          replies.add(frame);
        }
      }
    } catch (IOException e) {
      endOfStream = true;
    }
  }

  /** One frame from a byte stream, or null at its end. */
  static Frame readFrame(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    List<String[]> headers = new ArrayList<>();
    while (true) {
      String line = readLine(in, raw);
      if (line == null) {
        return null;
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(": ");
      headers.add(new String[] {line.substring(0, colon), line.substring(colon + 2)});
    }
    String length =
        headers.stream()
            .filter(h -> h[0].equals("Content-Length"))
            .map(h -> h[1])
            .findFirst()
            .orElse(null);
    String body = null;
    if (length != null) {
      byte[] bytes = in.readNBytes(Integer.parseInt(length));
      raw.write(bytes);
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    return new Frame(raw.toByteArray(), headers, body);
  }

  private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      raw.write(b);
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
  }

  /**
   * Parses a plain event body like libesl: percent-decode values, the inner Content-Length starts
   * the body.
   */
  static Event parsePlain(Frame frame) {
    String payload = frame.body();
    List<String[]> headers = new ArrayList<>();
    String body = null;
    int position = 0;
    while (position < payload.length()) {
      int end = payload.indexOf('\n', position);
      String line = payload.substring(position, end);
      position = end + 1;
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(": ");
      String name = line.substring(0, colon);
      String value = percentDecode(line.substring(colon + 2));
      if (name.equals("Content-Length")) {
        position++; // the blank line after the inner Content-Length
        body = payload.substring(position);
        break;
      }
      headers.add(new String[] {name, value});
    }
    return new Event(headers, body, frame);
  }

  static String percentDecode(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length()) {
        out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
