package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.worker.inbound.InboundCallRouter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls from the network: the simulator parks a call to a DID exactly as FreeSWITCH's dialplan
 * does; the worker routes it by the number's configured flow, or refuses an unknown number.
 */
class InboundCallEndToEndTest {
  private static final String DID = "+15550199";
  @TempDir static Path home;
  private static DevStack stack;
  private static CallsApi api;

  @BeforeAll
  static void startStack() throws SQLException {
    stack = DevStack.start(DevOptions.ephemeral(home, TemporalMode.IN_PROCESS));
    api = new CallsApi(stack.manifest());
    try (Connection connection = stack.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into phone_numbers (tenant_id, number, voice_flow, voice_flow_params)"
                    + " values (?, ?, 'hello', '{\"greeting\": \"welcome\", \"unset\": null}')")) {
      insert.setObject(1, UUID.fromString(stack.manifest().tenantId()));
      insert.setString(2, DID);
      insert.executeUpdate();
    }
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void aCallToAKnownNumberRunsItsFlowAndLeavesAnInboundCdr() {
    String channel = stack.simulator().placeInboundCall("+15557770001", DID);
    String callId = InboundCallRouter.callIdFor(channel);

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(30));

    assertThat(call.path("direction").asText()).isEqualTo("inbound");
    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(call.path("from").asText()).isEqualTo("+15557770001");
    assertThat(call.path("fromRaw").asText()).isEqualTo("+15557770001");
    assertThat(call.path("to").asText()).isEqualTo(DID);
    assertThat(call.path("flow").asText()).isEqualTo("hello");
    assertThat(call.path("answeredAt").isNull()).isFalse();
    assertThat(call.path("hangupCause").asText()).isEqualTo("NORMAL_CLEARING");
    assertThat(stack.simulator().receivedCommands())
        .containsSubsequence(
            "api uuid_setvar " + channel + " irisx_call_id " + callId,
            "api uuid_answer " + channel,
            "api uuid_broadcast " + channel + " ivr/ivr-welcome.wav aleg",
            "api uuid_kill " + channel + " NORMAL_CLEARING");
  }

  @Test
  void aCallerSentWithoutPlusIsStoredInE164AndKeepsItsRawNumber() {
    // As capture 20: the carrier sends 15557770005 and the switch passes it on unchanged.
    String channel = stack.simulator().placeInboundCall("15557770005", "Sipp Caller", DID);

    JsonNode call = api.awaitFinal(InboundCallRouter.callIdFor(channel), Duration.ofSeconds(30));

    assertThat(call.path("from").asText()).isEqualTo("+15557770005");
    assertThat(call.path("fromRaw").asText()).isEqualTo("15557770005");
  }

  @Test
  void aNationalCallerIsNormalisedByTheNodesRule() {
    String channel = stack.simulator().placeInboundCall("5557770006", DID);

    JsonNode call = api.awaitFinal(InboundCallRouter.callIdFor(channel), Duration.ofSeconds(30));

    assertThat(call.path("from").asText()).isEqualTo("+15557770006");
    assertThat(call.path("fromRaw").asText()).isEqualTo("5557770006");
  }

  @Test
  void aWithheldCallerIsMarkedAnonymousWithItsRawValueKept() {
    String channel = stack.simulator().placeInboundCall("anonymous", DID);

    JsonNode call = api.awaitFinal(InboundCallRouter.callIdFor(channel), Duration.ofSeconds(30));

    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(call.path("from").asText()).isEqualTo("anonymous");
    assertThat(call.path("fromRaw").asText()).isEqualTo("anonymous");
  }

  @Test
  void aCallerWhoHangsUpEarlyStillLeavesExactlyOneCdr() throws SQLException {
    String channel = stack.simulator().placeInboundCall("+15557770002", DID);
    String callId = InboundCallRouter.callIdFor(channel);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/v1/calls/" + callId).status() == 200);
    // The hello flow answers at once, so hang up straight after the row appears; either way the
    // call must end with exactly one CDR, answered or not.
    stack.simulator().hangUpFarEnd(channel, "ORIGINATOR_CANCEL");

    JsonNode call = api.awaitFinal(callId, Duration.ofSeconds(30));
    assertThat(call.path("status").asText()).isIn("canceled", "completed");
    assertThat(call.path("endedAt").isNull()).isFalse();
    assertThat(CallRows.calls(stack, callId)).isEqualTo(1);
    assertThat(CallRows.completions(stack, callId)).isLessThanOrEqualTo(1);
  }

  @Test
  void theDevStacksFarEndControlApiPlacesACallThatRunsItsFlow() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var placed =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(stack.manifest().simulatorControlUrl() + "/inbound-calls"))
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"+15557770004\",\"to\":\"" + DID + "\"}"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).isEqualTo(201);
    String channel =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(placed.body())
            .path("uuid")
            .asText();

    JsonNode call = api.awaitFinal(InboundCallRouter.callIdFor(channel), Duration.ofSeconds(30));
    assertThat(call.path("status").asText()).isEqualTo("completed");
    assertThat(call.path("from").asText()).isEqualTo("+15557770004");
  }

  @Test
  void aCallToAnUnknownNumberIsRefusedAsUnallocated() {
    String channel = stack.simulator().placeInboundCall("+15557770003", "+15550198");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stack.simulator().liveChannels().stream().noneMatch(c -> c.uuid().equals(channel)));
    assertThat(stack.simulator().receivedCommands())
        .contains("api uuid_kill " + channel + " UNALLOCATED_NUMBER");
    assertThat(api.get("/v1/calls/" + InboundCallRouter.callIdFor(channel)).status())
        .isEqualTo(404);
  }
}
