package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The HTTP control API plays the far end and the faults for processes outside the JVM. */
class ControlApiSimulatorTest extends ConnectedClientTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  SimulatorOptions options() {
    return SimulatorOptions.defaults().withPort(0).withControlPort(0);
  }

  @Override
  String subscribedEvents() {
    return "CHANNEL_PARK CHANNEL_HANGUP DTMF";
  }

  @Test
  void anInboundCallCanBePlacedPressedAndHungUpOverHttp() throws Exception {
    HttpResponse<String> placed =
        post("/inbound-calls", "{\"from\":\"+15557770001\",\"to\":\"+15550199\"}");
    assertThat(placed.statusCode()).isEqualTo(201);
    assertThat(placed.headers().firstValue("Content-Type")).hasValue("application/json");
    String uuid = placed.body().replaceAll("\\{\"uuid\":\"([^\"]+)\"}", "$1");
    client.awaitEvent("CHANNEL_PARK", uuid);

    HttpResponse<String> channels = get("/channels");
    assertThat(channels.statusCode()).isEqualTo(200);
    assertThat(channels.body())
        .contains("\"uuid\":\"" + uuid + "\"")
        .contains("\"destination\":\"+15550199\"")
        .contains("\"application\":\"park\"");

    assertThat(post("/channels/" + uuid + "/digits", "{\"digits\":\"5\"}").statusCode())
        .as("no media before answer")
        .isEqualTo(409);
    client.api("uuid_answer " + uuid);
    assertThat(post("/channels/" + uuid + "/digits", "{\"digits\":\"5\"}").statusCode())
        .isEqualTo(204);
    assertThat(client.awaitEvent("DTMF", uuid).header("DTMF-Digit")).isEqualTo("5");

    assertThat(post("/channels/" + uuid + "/hangup", "{\"cause\":\"USER_BUSY\"}").statusCode())
        .isEqualTo(204);
    assertThat(client.awaitEvent("CHANNEL_HANGUP", uuid).header("Hangup-Cause"))
        .isEqualTo("USER_BUSY");
    assertThat(post("/channels/" + uuid + "/hangup", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void faultsCanBeSwitchedOverHttp() throws Exception {
    assertThat(post("/faults/refuse-auth", "{\"refuse\":true}").statusCode()).isEqualTo(204);
    try (EslTestClient other = EslTestClient.connect(simulator)) {
      other.nextReply();
      assertThat(other.command("auth ClueCon").header("Reply-Text")).isEqualTo("-ERR invalid");
    }
    assertThat(post("/faults/refuse-auth", "{\"refuse\":false}").statusCode()).isEqualTo(204);

    assertThat(post("/faults/stall", "{\"stalled\":true}").statusCode()).isEqualTo(204);
    client.send("api uuid_exists x\n\n");
    assertThat(post("/faults/stall", "{\"stalled\":false}").statusCode()).isEqualTo(204);
    assertThat(client.nextReply().body()).isEqualTo("false");

    String oldCore = simulator.coreUuid();
    HttpResponse<String> restarted = post("/faults/restart", "");
    assertThat(restarted.statusCode()).isEqualTo(200);
    assertThat(restarted.body()).isEqualTo("{\"coreUuid\":\"" + simulator.coreUuid() + "\"}");
    assertThat(simulator.coreUuid()).isNotEqualTo(oldCore);
    await().atMost(EslTestClient.WAIT).until(client::closedByServer);

    assertThat(post("/faults/drop", "").statusCode()).isEqualTo(204);
    assertThat(post("/faults/stall", "{\"stalled\":\"yes\"}").statusCode()).isEqualTo(400);
    assertThat(get("/faults/drop").statusCode()).isEqualTo(405);
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(simulator.controlUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(simulator.controlUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
