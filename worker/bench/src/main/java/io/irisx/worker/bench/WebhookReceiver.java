package io.irisx.worker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local webhook endpoint on 127.0.0.1 that answers 204 at once and notes when each event arrived.
 * Redeliveries (the same {@code webhook-id}) count once.
 */
final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One event as received (its first arrival): its {@code webhook-id}, type and call, when it
   * happened and when it reached us.
   */
  record Delivery(
      String id, String type, String callId, long occurredAtMicros, long receivedAtMicros) {}

  private final HttpServer server;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/", receiver::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the webhook receiver", e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/irisx-events";
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long receivedAt = Clock.nowMicros();
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      if (id != null && seen.add(id)) {
        try {
          JsonNode envelope = JSON.readTree(body);
          deliveries.add(
              new Delivery(
                  id,
                  envelope.path("type").asText(),
                  envelope.path("callId").asText(null),
                  Clock.micros(Instant.parse(envelope.path("occurredAt").asText())),
                  receivedAt));
        } catch (IOException | RuntimeException unreadable) {
          deliveries.add(new Delivery(id, "unreadable", null, receivedAt, receivedAt));
        }
      }
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
