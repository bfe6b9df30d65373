package io.irisx.activities.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on 127.0.0.1 whose answers a test scripts; it keeps every request. */
final class Receiver implements AutoCloseable {
  record Received(int index, Map<String, String> headers, byte[] body, Instant at) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A status, or a hang: the receiver holds the request open for that long before answering. */
  record Reply(int status, Duration hang, Map<String, String> headers) {
    static Reply status(int status) {
      return new Reply(status, Duration.ZERO, Map.of());
    }

    static Reply hang(Duration hang) {
      return new Reply(200, hang, Map.of());
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new TreeMap<>(headers);
      more.put(name, value);
      return new Reply(status, hang, Map.copyOf(more));
    }
  }

  @FunctionalInterface
  interface Script {
    Reply answer(Received request);
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final AtomicInteger count = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Script script = request -> Reply.status(200);

  Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  Receiver answering(Script script) {
    this.script = script;
    return this;
  }

  /** Answers 503 to the first {@code n} requests, 200 after. */
  Receiver downFor(int n) {
    return answering(request -> Reply.status(request.index() < n ? 503 : 200));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Received> withEventId(String eventId) {
    return received.stream().filter(r -> eventId.equals(r.header("webhook-id"))).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    Received request =
        new Received(
            count.getAndIncrement(),
            headers,
            exchange.getRequestBody().readAllBytes(),
            Instant.now());
    received.add(request);
    Reply reply = script.answer(request);
    try {
      if (!reply.hang().isZero()) {
        closing.await(reply.hang().toMillis(), TimeUnit.MILLISECONDS);
      }
      byte[] body = ("answer " + reply.status()).getBytes(StandardCharsets.UTF_8);
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException | InterruptedException clientGone) {
      // The sender gave up (its timeout): nothing to answer.
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
