package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.irisx.activities.esl.simulator.FarEndScript;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standing hostile suite (issue 17): every input of {@link HostileInputs} sent through the
 * public API of the whole dev stack (API, Temporal, worker, ESL simulator over TCP), one request
 * each. Each must be answered with a 4xx problem document (a 422 naming the field where the table
 * says which), and the simulator's command log must show nothing sent for any of them: no
 * originate, no playback, no DTMF, no hangup, no transfer.
 *
 * <p>Brief by default (each params case on one of the four routes taking params, in turn); every
 * case on every route with {@code ./mvnw -pl worker/dev -am test -Dtest=HostileInputEndToEndTest
 * -Dirisx.hostile.full=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEndToEndTest {
  /** A far end that rings for an hour: the live call the call-control routes are aimed at. */
  private static final String RINGS_FOR_AN_HOUR = "+15550177";

  /** Commands that would act on a call; the read-only ones (show, uuid_exists...) may pass. */
  private static final Pattern ACTING =
      Pattern.compile(
          "originate|uuid_broadcast|uuid_send_dtmf|uuid_kill|uuid_record|uuid_bridge|uuid_setvar"
              + "|uuid_transfer|uuid_answer|uuid_break|hupall|passwd|169\\.254");

  private DevStack stack;
  private CallsApi api;
  private String liveCall;
  private String numberId;

  @BeforeAll
  void startStack(@TempDir Path home) {
    stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
    api = new CallsApi(stack.manifest());
    stack.simulator().script(RINGS_FOR_AN_HOUR, FarEndScript.answersAfter(Duration.ofHours(1)));
    liveCall = api.startCall("+15550100", RINGS_FOR_AN_HOUR, "hello").body().path("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.get("/v1/calls/" + liveCall).body().path("status").asText().equals("ringing"));
    CallsApi.Reply number =
        api.post("/v1/phone-numbers", "{\"number\":\"+15559990002\",\"flow\":\"hello\"}");
    assertThat(number.status()).as(number.body().toString()).isEqualTo(201);
    numberId = number.body().path("id").asText();
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyHostileInputIsRefusedWithAProblemAndNothingReachesTheSwitch() {
    boolean full = Boolean.getBoolean("irisx.hostile.full");
    List<HostileInputs.Hostile> table = HostileInputs.all(liveCall, numberId, full);
    int commandsBefore = stack.simulator().receivedCommands().size();
    List<String> wrong = new ArrayList<>();
    for (HostileInputs.Hostile hostile : table) {
      CallsApi.Reply reply = sendHonouringRateLimits(hostile);
      String why = judge(hostile, reply);
      if (why != null) {
        wrong.add(why + ": " + hostile);
      }
    }
    List<String> sent = stack.simulator().receivedCommands();
    List<String> acting =
        sent.subList(commandsBefore, sent.size()).stream()
            .filter(command -> ACTING.matcher(command).find())
            .toList();
    System.out.printf(
        "hostile suite (%s): %d inputs tried, %d refused as they must be, %d switch commands sent%n",
        full ? "full" : "brief", table.size(), table.size() - wrong.size(), acting.size());

    assertThat(wrong).as("inputs not refused as they must be").isEmpty();
    assertThat(acting).as("commands sent to the switch").isEmpty();
    assertThat(table.size()).isGreaterThan(full ? 2000 : 700);
    // Untouched by all of it: still ringing, or rung out at the ring timeout on a slow machine.
    assertThat(unthrottled("/v1/calls/" + liveCall).body().path("status").asText())
        .isIn("ringing", "no-answer");
    CallsApi.Reply number = unthrottled("/v1/phone-numbers/" + numberId);
    assertThat(number.body().path("flow").asText()).as(number.body().toString()).isEqualTo("hello");
  }

  /** A GET once the key's rate limit, which the suite's hundreds of requests exhaust, lets it. */
  private CallsApi.Reply unthrottled(String path) {
    CallsApi.Reply[] reply = new CallsApi.Reply[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> (reply[0] = api.get(path)).status() != 429);
    return reply[0];
  }

  /** Null when the answer is right; otherwise what is wrong with it. */
  private static String judge(HostileInputs.Hostile hostile, CallsApi.Reply reply) {
    if (reply.status() < 400 || reply.status() >= 500) {
      return "answered " + reply.status();
    }
    if (!reply.contentType().startsWith("application/problem+json")) {
      return "answered " + reply.status() + " without a problem document";
    }
    if (hostile.field() != null) {
      if (reply.status() != 422) {
        return "answered " + reply.status() + " (" + reply.body().path("type").asText() + ")";
      }
      List<String> fields = new ArrayList<>();
      reply.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      if (!fields.contains(hostile.field())) {
        return "422 naming " + fields + ", not " + hostile.field();
      }
    }
    return null;
  }

  /** The suite sends faster than a key's request rate: a 429 is waited out and sent again. */
  private CallsApi.Reply sendHonouringRateLimits(HostileInputs.Hostile hostile) {
    while (true) {
      CallsApi.Reply reply =
          api.send(
              HttpRequest.newBuilder(URI.create(stack.manifest().apiUrl() + hostile.path()))
                  .header("Authorization", "Bearer " + stack.manifest().apiKey())
                  .header("Content-Type", "application/json")
                  .method(hostile.method(), HttpRequest.BodyPublishers.ofString(hostile.body()))
                  .build());
      if (reply.status() != 429 || !reply.body().path("type").asText().endsWith("/rate-limited")) {
        return reply;
      }
      await().pollDelay(Duration.ofMillis(200)).until(() -> true);
    }
  }
}
