package io.irisx.activities.esl.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's HTTP control API on 127.0.0.1, so scripts and other processes can play the far
 * end and the faults:
 *
 * <pre>
 * POST /inbound-calls {"from","to"}            -> 201 {"uuid"}
 * POST /channels/{uuid}/digits {"digits"}      -> 204
 * POST /channels/{uuid}/hangup {"cause"}       -> 204 (cause optional, NORMAL_CLEARING)
 * GET  /channels                               -> 200 [{"uuid","callId","destination","state","answered","application"}]
 * GET  /originates?since={epochMicros}         -> 200 [{"callId","channelUuid","destination","receivedAtMicros"}]
 * POST /faults/drop                            -> 204
 * POST /faults/restart                         -> 200 {"coreUuid"}
 * POST /faults/stall {"stalled":true}          -> 204
 * POST /faults/refuse-auth {"refuse":true}     -> 204
 * </pre>
 *
 * Errors: 400 bad input, 404 unknown channel or path, 405 wrong method, 409 channel not in a state
 * for it.
 */
final class ControlServer {
  private static final Pattern CHANNEL_ACTION =
      Pattern.compile("/channels/([^/]+)/(digits|hangup)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EslSimulator simulator;
  private final HttpServer server;

  private ControlServer(EslSimulator simulator, HttpServer server) {
    this.simulator = simulator;
    this.server = server;
  }

  static ControlServer start(EslSimulator simulator, int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      ControlServer control = new ControlServer(simulator, server);
      server.createContext("/", control::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return control;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the control API on port " + port, e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      try {
        route(exchange, method, path);
      } catch (WrongMethod e) {
        send(exchange, 405, Map.of("error", e.getMessage()));
      } catch (NoSuchChannel e) {
        send(exchange, 404, Map.of("error", e.getMessage()));
      } catch (IllegalArgumentException e) {
        send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
      } catch (IllegalStateException e) {
        send(exchange, 409, Map.of("error", String.valueOf(e.getMessage())));
      }
    }
  }

  private void route(HttpExchange exchange, String method, String path) throws IOException {
    if (path.equals("/channels")) {
      requireMethod(exchange, method, "GET");
      send(exchange, 200, simulator.liveChannels());
      return;
    }
    if (path.equals("/originates")) {
      requireMethod(exchange, method, "GET");
      send(
          exchange,
          200,
          simulator.receivedOriginates(sinceMicros(exchange.getRequestURI().getRawQuery())));
      return;
    }
    Matcher action = CHANNEL_ACTION.matcher(path);
    if (action.matches()) {
      requireMethod(exchange, method, "POST");
      String uuid = action.group(1);
      if (simulator.liveChannels().stream().noneMatch(c -> c.uuid().equals(uuid))) {
        throw new NoSuchChannel(uuid);
      }
      JsonNode body = body(exchange);
      if (action.group(2).equals("digits")) {
        simulator.pressDigits(uuid, text(body, "digits", true));
      } else {
        simulator.hangUpFarEnd(uuid, text(body, "cause", false));
      }
      send(exchange, 204, null);
      return;
    }
    switch (path) {
      case "/inbound-calls" -> {
        requireMethod(exchange, method, "POST");
        JsonNode body = body(exchange);
        String uuid = simulator.placeInboundCall(text(body, "from", true), text(body, "to", true));
        send(exchange, 201, Map.of("uuid", uuid));
      }
      case "/faults/drop" -> {
        requireMethod(exchange, method, "POST");
        simulator.dropConnections();
        send(exchange, 204, null);
      }
      case "/faults/restart" -> {
        requireMethod(exchange, method, "POST");
        simulator.restart();
        send(exchange, 200, Map.of("coreUuid", simulator.coreUuid()));
      }
      case "/faults/stall" -> {
        requireMethod(exchange, method, "POST");
        simulator.stallReplies(flag(body(exchange), "stalled"));
        send(exchange, 204, null);
      }
      case "/faults/refuse-auth" -> {
        requireMethod(exchange, method, "POST");
        simulator.refuseAuth(flag(body(exchange), "refuse"));
        send(exchange, 204, null);
      }
      default -> send(exchange, 404, Map.of("error", "no such endpoint: " + path));
    }
  }

  private static void requireMethod(HttpExchange exchange, String method, String wanted)
      throws IOException {
    if (!method.equalsIgnoreCase(wanted)) {
      exchange.getResponseHeaders().add("Allow", wanted);
      throw new WrongMethod(wanted);
    }
  }

  private static long sinceMicros(String query) {
    if (query == null) {
      return 0;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("since=")) {
        try {
          return Long.parseLong(pair.substring("since=".length()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("since must be epoch microseconds");
        }
      }
    }
    return 0;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0) {
        return JSON.createObjectNode();
      }
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new IllegalArgumentException("body is not JSON");
      }
    }
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException("missing \"" + field + "\"");
      }
      return null;
    }
    return value.asText();
  }

  private static boolean flag(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isBoolean()) {
      throw new IllegalArgumentException("\"" + field + "\" must be true or false");
    }
    return value.booleanValue();
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final class NoSuchChannel extends IllegalArgumentException {
    NoSuchChannel(String uuid) {
      super("no such channel: " + uuid);
    }
  }

  private static final class WrongMethod extends IllegalStateException {
    WrongMethod(String wanted) {
      super("use " + wanted);
    }
  }
}
