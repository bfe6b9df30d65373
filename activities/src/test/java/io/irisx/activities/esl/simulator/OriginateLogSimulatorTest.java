package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every originate is logged with its call id and the time it arrived, in-process and over HTTP. */
class OriginateLogSimulatorTest extends ConnectedClientTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  SimulatorOptions options() {
    return SimulatorOptions.defaults().withPort(0).withControlPort(0);
  }

  @Test
  void anOriginateIsLoggedOnReceiptWithItsCallIdAndChannel() throws Exception {
    long before = EventClock.nowMicros();
    String uuid = UUID.randomUUID().toString();
    client.command(
        "bgapi originate {origination_uuid="
            + uuid
            + ",irisx_call_id=irx-77}"
            + "sofia/gateway/irisx/+15550111 &park()");
    // The background job may run after the command is acknowledged.
    await().atMost(EslTestClient.WAIT).until(() -> !simulator.receivedOriginates(before).isEmpty());
    long after = EventClock.nowMicros();

    List<ReceivedOriginate> log = simulator.receivedOriginates(before);
    assertThat(log).hasSize(1);
    ReceivedOriginate originate = log.get(0);
    assertThat(originate.callId()).isEqualTo("irx-77");
    assertThat(originate.channelUuid()).isEqualTo(uuid);
    assertThat(originate.destination()).isEqualTo("+15550111");
    assertThat(originate.receivedAtMicros()).isBetween(before, after);
    assertThat(simulator.receivedOriginates(after + 1)).isEmpty();

    HttpResponse<String> all = get("/originates");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .isEqualTo(
            "[{\"callId\":\"irx-77\",\"channelUuid\":\""
                + uuid
                + "\",\"destination\":\"+15550111\",\"receivedAtMicros\":"
                + originate.receivedAtMicros()
                + "}]");
    assertThat(get("/originates?since=" + (after + 1)).body()).isEqualTo("[]");
    assertThat(get("/originates?since=soon").statusCode()).isEqualTo(400);
  }

  @Test
  void theLogKeepsOnlyTheMostRecentOriginates() {
    OriginateLog log = new OriginateLog(2);
    log.add(new ReceivedOriginate("a", null, "+1", 1));
    log.add(new ReceivedOriginate("b", null, "+1", 2));
    log.add(new ReceivedOriginate("c", null, "+1", 3));
    assertThat(log.since(0)).extracting(ReceivedOriginate::callId).containsExactly("b", "c");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(simulator.controlUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
