package io.irisx.worker.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** The fault suite's webhook receiver: answers 204 to everything and keeps what came, in order. */
final class FaultReceiver implements AutoCloseable {
  /** One request: its {@code webhook-id}, and the envelope's call and sequence. */
  record Received(String webhookId, String callId, long sequence, String type) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  FaultReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(LocalPorts.HOST, 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/hooks",
        exchange -> {
          try (exchange) {
            JsonNode envelope = JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    envelope.path("callId").asText(null),
                    envelope.path("sequence").asLong(-1),
                    envelope.path("type").asText()));
            exchange.sendResponseHeaders(204, -1);
          }
        });
    server.start();
  }

  String url() {
    return "http://" + LocalPorts.HOST + ":" + server.getAddress().getPort() + "/hooks";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
