package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.irisx.activities.esl.simulator.FarEndScript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console end to end in headless Chromium against the dev stack: {@code e2e/console.e2e.ts} in
 * {@code api/console}, run by Vitest with playwright-core driving Debian's chromium. This test
 * starts the stack, a webhook receiver on 127.0.0.1 and the far end's script, puts 1,000 older
 * calls and a call whose metadata holds markup into the dev tenant, runs the browser suite and
 * fails with its output when it fails. Screenshots of every page land in {@code docs/console/}; the
 * figures it measured in {@code target/console-e2e.json}. Skips without chromium unless {@code
 * IRISX_REQUIRE_CHROMIUM=1} (CI).
 */
class ConsoleBrowserTest {
  private static final String CALLEE = "+15550177";
  private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void theConsoleWorksInARealBrowser(@TempDir Path home) throws Exception {
    Path chromium = HeadlessChromium.require();
    Path console = consoleSources();
    Path vitest = console.resolve("node_modules/.bin/vitest");
    if (!Files.isExecutable(vitest)) {
      fail(
          "the console's packages are not installed: build the reactor (./mvnw verify runs npm ci)");
    }
    AtomicInteger hooks = new AtomicInteger();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            hooks.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
          }
        });
    receiver.start();
    try (DevStack stack =
        DevStack.start(DevOptions.ephemeral(home, TemporalMode.AUTO).withPromptMillis(2500))) {
      stack.simulator().script(CALLEE, FarEndScript.answersAfter(Duration.ofSeconds(2)));
      Jdbi jdbi = Jdbi.create(stack.dataSource());
      UUID tenant = UUID.fromString(stack.manifest().tenantId());
      addOlderCalls(jdbi, tenant, 1000);
      UUID xssCall = addCallWithMarkup(jdbi, tenant);

      Path report = Path.of("target", "console-e2e.json").toAbsolutePath();
      Path log = home.resolve("logs/console-e2e.log");
      ProcessBuilder run =
          new ProcessBuilder(vitest.toString(), "run", "--config", "vitest.e2e.config.ts")
              .directory(console.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = run.environment();
      env.put("IRISX_E2E_MANIFEST", DevStack.manifestFile(home).toAbsolutePath().toString());
      env.put("IRISX_E2E_CHROMIUM", chromium.toString());
      env.put(
          "IRISX_E2E_SCREENSHOTS", console.resolve("../../docs/console").normalize().toString());
      env.put(
          "IRISX_E2E_HOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
      env.put("IRISX_E2E_CALLEE", CALLEE);
      env.put("IRISX_E2E_XSS_CALL_ID", xssCall.toString());
      env.put("IRISX_E2E_REPORT", report.toString());
      env.put("NO_COLOR", "1");
      long started = System.nanoTime();
      Process suite = run.start();
      boolean finished = suite.waitFor(SUITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!finished) {
        suite.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(output);
      System.out.printf("console browser suite: %.1f s%n", (System.nanoTime() - started) / 1e9);
      if (Files.exists(report)) {
        System.out.println("console browser suite figures: " + Files.readString(report));
      }
      assertThat(finished).as("the browser suite finished within %s", SUITE_TIMEOUT).isTrue();
      assertThat(suite.exitValue())
          .as("the browser suite's exit code; its output:%n%s", output)
          .isZero();
      assertThat(hooks.get()).as("webhook requests received").isPositive();
    } finally {
      receiver.stop(0);
    }
  }

  /** {@code api/console}, found from this module's directory whatever its depth. */
  private static Path consoleSources() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("api/console/package.json");
      if (Files.exists(candidate)) {
        return candidate.getParent();
      }
    }
    throw new IOException("api/console not found above " + Path.of("").toAbsolutePath());
  }

  /** Calls of the last hour in every final status, as a tenant with traffic has them. */
  private static void addOlderCalls(Jdbi jdbi, UUID tenant, int count) {
    List<String> statuses =
        List.of("completed", "completed", "completed", "no-answer", "busy", "failed");
    jdbi.useHandle(
        h -> {
          var batch =
              h.prepareBatch(
                  """
                  INSERT INTO calls (tenant_id, direction, from_number, to_number, flow, status,
                                     created_at, answered_at, ended_at, duration_seconds, bill_seconds,
                                     hangup_cause)
                  VALUES (:t, 'outbound', '+15550100', :to, 'hello', :s,
                          now() - make_interval(secs => :age),
                          CASE WHEN :s = 'completed' THEN now() - make_interval(secs => :age - 3) END,
                          now() - make_interval(secs => :age - 20), 20,
                          CASE WHEN :s = 'completed' THEN 17 ELSE 0 END,
                          CASE :s WHEN 'completed' THEN 'NORMAL_CLEARING' WHEN 'busy' THEN 'USER_BUSY'
                                  WHEN 'no-answer' THEN 'NO_ANSWER' ELSE 'CALL_REJECTED' END)
                  """);
          for (int i = 0; i < count; i++) {
            batch
                .bind("t", tenant)
                .bind("to", "+1555020" + String.format("%04d", i))
                .bind("s", statuses.get(i % statuses.size()))
                .bind("age", 60 + (i * 3540.0 / count))
                .add();
          }
          batch.execute();
        });
  }

  private static UUID addCallWithMarkup(Jdbi jdbi, UUID tenant) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO calls (tenant_id, direction, from_number, to_number, flow, status,
                                       created_at, ended_at, metadata)
                    VALUES (:t, 'outbound', '+15550100', '+15550199', 'hello', 'completed',
                            now() - interval '2 hours', now() - interval '2 hours',
                            CAST(:m AS jsonb))
                    RETURNING id
                    """)
                .bind("t", tenant)
                .bind(
                    "m",
                    "{\"note\":\"<img src=x onerror=alert(1)>\",\"<b>key</b>\":\"<script>alert(3)</script>\"}")
                .mapTo(UUID.class)
                .one());
  }
}
