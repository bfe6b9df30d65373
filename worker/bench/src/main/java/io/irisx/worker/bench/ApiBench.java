package io.irisx.worker.bench;

import io.irisx.db.TenantCallLimits;
import io.irisx.db.TenantDao;
import io.irisx.worker.dev.DevOptions;
import io.irisx.worker.dev.DevStack;
import io.irisx.worker.dev.TemporalMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./irisx bench api}: the public API's own figures on this machine. An ephemeral stack
 * (in-process Temporal, the simulator, embedded PostgreSQL and Redis) runs in this process; then
 * (1) {@code POST /v1/calls} at a fixed rate, open loop (a request is sent on schedule whether or
 * not the ones before have answered), for the latency; (2) {@code GET /v1/calls/{id}} from a fixed
 * number of clients, closed loop, as fast as the API answers, for the throughput. The stack shares
 * the machine's cores with the load generator: the figures are a floor, not a ceiling.
 */
public final class ApiBench {
  static final String USAGE =
      "usage: ./irisx bench api [--rps N] [--seconds S] [--get-clients N] [--get-seconds S]";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private ApiBench() {}

  public static void main(String[] args) throws Exception {
    int rps = 20;
    int seconds = 15;
    int clients = 16;
    int getSeconds = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rps" -> rps = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--get-clients" -> clients = Integer.parseInt(args[++i]);
        case "--get-seconds" -> getSeconds = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(USAGE);
          System.exit(2);
        }
      }
    }
    if (System.getenv("IRISX_API_KEY_RPS") == null) {
      System.out.println(
          "note: IRISX_API_KEY_RPS is not set: the key's rate limit (50 req/s) caps the GET figure");
    }
    Path home = Files.createTempDirectory("irisx-bench-api");
    try (DevStack stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS))) {
      // The figures are the API's, not a tenant's default call limits.
      io.irisx.db.Jdbis.create(stack.dataSource())
          .useExtension(
              TenantDao.class,
              tenants ->
                  tenants.setCallLimits(
                      UUID.fromString(stack.manifest().tenantId()),
                      new TenantCallLimits(10_000, 1_000_000, 3_600)));
      Client client = new Client(stack.manifest().apiUrl(), stack.manifest().apiKey());
      client.post(); // warm-up: connections, JIT, the first workflow
      Result posts = postAtRate(client, rps, seconds);
      // Reads of calls still up also ask their workflows for the live state: let them end first, so
      // the GET figure is the read path itself, not a worker's backlog.
      int stillUp = drain(client, posts.ids(), Duration.ofSeconds(120));
      System.out.println("calls still up after the drain: " + stillUp);
      Result gets = getFlatOut(client, posts.ids(), clients, Duration.ofSeconds(getSeconds));
      print(rps, seconds, clients, posts, gets);
    }
  }

  record Result(List<Long> micros, int errors, double perSecond, List<String> ids) {}

  private static Result postAtRate(Client client, int rps, int seconds)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    int total = rps * seconds;
    long intervalNanos = 1_000_000_000L / rps;
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < total; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        pool.submit(
            () -> {
              long sent = System.nanoTime();
              HttpResponse<String> reply = client.post();
              micros.add((System.nanoTime() - sent) / 1_000);
              Matcher id = ID.matcher(reply == null ? "" : reply.body());
              if (reply != null && reply.statusCode() == 201 && id.find()) {
                ids.add(id.group(1));
              } else {
                errors.incrementAndGet();
              }
            });
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(
        new ArrayList<>(micros), errors.get(), micros.size() / elapsed, new ArrayList<>(ids));
  }

  private static int drain(Client client, List<String> ids, Duration atMost)
      throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    List<String> open = new ArrayList<>(ids);
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      open.removeIf(
          id -> {
            HttpResponse<String> reply = client.get(id);
            return reply != null && reply.body().contains("\"endedAt\":\"");
          });
      if (!open.isEmpty()) {
        TimeUnit.MILLISECONDS.sleep(500);
      }
    }
    return open.size();
  }

  private static Result getFlatOut(Client client, List<String> ids, int clients, Duration length)
      throws InterruptedException {
    if (ids.isEmpty()) {
      return new Result(List.of(), 0, 0, List.of());
    }
    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        pool.submit(
            () -> {
              while (System.nanoTime() < end) {
                String id = ids.get((int) (next.getAndIncrement() % ids.size()));
                long sent = System.nanoTime();
                HttpResponse<String> reply = client.get(id);
                micros.add((System.nanoTime() - sent) / 1_000);
                if (reply == null || reply.statusCode() != 200) {
                  errors.incrementAndGet();
                }
              }
            });
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(micros, errors.get(), micros.size() / elapsed, List.of());
  }

  private static void print(int rps, int seconds, int clients, Result posts, Result gets) {
    // Errors include 429s: with the key's rate limit left on, they are the limit, not the API
    // failing.
    Latency post = Latency.ofMicros(posts.micros());
    Latency get = Latency.ofMicros(gets.micros());
    System.out.printf(
        "%nIRISX API bench (%d cores, stack in this process, in-process Temporal)%n",
        Runtime.getRuntime().availableProcessors());
    System.out.println("| measure | requests | errors | req/s | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    System.out.printf(
        "| POST /v1/calls at %d req/s for %d s (open loop) | %d | %d | %.1f | %s | %s | %s |%n",
        rps,
        seconds,
        post.count(),
        posts.errors(),
        posts.perSecond(),
        post.p50Ms(),
        post.p99Ms(),
        post.maxMs());
    System.out.printf(
        "| GET /v1/calls/{id}, %d clients flat out (closed loop) | %d | %d | %.0f | %s | %s | %s |%n",
        clients,
        get.count(),
        gets.errors(),
        gets.perSecond(),
        get.p50Ms(),
        get.p99Ms(),
        get.maxMs());
  }

  /** The public API over HTTP with the dev tenant's key. */
  private record Client(String apiUrl, String apiKey, HttpClient http) {
    Client(String apiUrl, String apiKey) {
      this(apiUrl, apiKey, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    HttpResponse<String> post() {
      return send(
          HttpRequest.newBuilder(URI.create(apiUrl + "/v1/calls"))
              .header("Authorization", "Bearer " + apiKey)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"}"))
              .build());
    }

    HttpResponse<String> get(String id) {
      return send(
          HttpRequest.newBuilder(URI.create(apiUrl + "/v1/calls/" + id))
              .header("Authorization", "Bearer " + apiKey)
              .GET()
              .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }
}
