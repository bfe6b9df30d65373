package io.irisx.worker.dev;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol on a WebSocket (nothing but
 * the JDK's HTTP client): navigate, evaluate JavaScript, take screenshots. Tests skip without
 * Chromium unless {@code IRISX_REQUIRE_CHROMIUM=1}, which CI sets once it has installed it.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** The chromium executable, or a skip (a failure under IRISX_REQUIRE_CHROMIUM=1). */
  static Path require() {
    Optional<Path> found =
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isEmpty() && "1".equals(System.getenv("IRISX_REQUIRE_CHROMIUM"))) {
      fail("IRISX_REQUIRE_CHROMIUM=1 but chromium is not installed (apt-get install -y chromium)");
    }
    assumeTrue(found.isPresent(), "chromium is not installed");
    return found.get();
  }

  static HeadlessChromium launch(Path executable, Path profile, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(profile);
    Process process =
        new ProcessBuilder(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1600,1100",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("chromium did not open its DevTools port; see " + log);
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().trim());
    HttpClient http = HttpClient.newHttpClient();
    String pageSocket = null;
    while (pageSocket == null) {
      JsonNode targets =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      for (JsonNode target : targets) {
        if ("page".equals(target.path("type").asText())) {
          pageSocket = target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (pageSocket == null) {
        Thread.sleep(50);
      }
    }
    HeadlessChromium[] self = new HeadlessChromium[1];
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(pageSocket), new Listener(message -> self[0].onMessage(message)))
            .join();
    self[0] = new HeadlessChromium(process, socket);
    self[0].call("Page.enable", Map.of());
    self[0].call("Runtime.enable", Map.of());
    return self[0];
  }

  void navigate(String url) {
    call("Page.navigate", Map.of("url", url));
  }

  /** The value of a JavaScript expression (awaited if it is a promise). */
  JsonNode evaluate(String expression) {
    JsonNode result =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    return result.path("result").path("value");
  }

  /**
   * The page's visible text, with that of its frames (the Temporal UI renders summaries and details
   * as markdown in sandboxed frames: their {@code srcdoc} holds the text).
   */
  String text() {
    return evaluate(
            "(document.body ? document.body.innerText : '') + '\\n' + [...document.querySelectorAll('iframe')]"
                + ".map(f => { try { return f.contentDocument.body.innerText; } catch (e) { return f.srcdoc || ''; } })"
                + ".join('\\n')")
        .asText("");
  }

  /** Polls the visible text until it satisfies the condition; returns it, or fails with it. */
  String awaitText(Predicate<String> condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String text = "";
    while (System.nanoTime() < deadline) {
      text = text();
      if (condition.test(text)) {
        return text;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the page never showed " + what + "; it showed:\n" + text);
  }

  void screenshot(Path file) throws IOException {
    JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  private JsonNode call(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode answer = reply.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.path("result");
    } catch (Exception e) {
      throw new IllegalStateException("DevTools command " + method + " did not answer", e);
    } finally {
      pending.remove(id);
    }
  }

  private void onMessage(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reassembles fragmented text frames into whole DevTools messages. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<String> sink;
    private final StringBuilder partial = new StringBuilder();

    Listener(java.util.function.Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        sink.accept(message);
      }
      webSocket.request(1);
      return null;
    }
  }
}
