package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * event / nixevent / noevents / filter semantics, JSON framing (capture 10) and HEARTBEAT (capture
 * 14).
 */
class EventSubscriptionSimulatorTest extends ConnectedClientTest {
  @Override
  SimulatorOptions options() {
    return SimulatorOptions.defaults().withPort(0).withHeartbeatInterval(Duration.ofMillis(200));
  }

  @Test
  void subscribingRepliesWithTheFormatAndUnknownNamesAreRefused() throws Exception {
    assertThat(client.command("event plain CHANNEL_ANSWER HEARTBEAT").raw()).hasSize(74);
    assertThat(client.command("event plain NOT_AN_EVENT").header("Reply-Text"))
        .isEqualTo("-ERR no keywords supplied");
    assertThat(client.command("nixevent HEARTBEAT").header("Reply-Text"))
        .isEqualTo("+OK events nixed");
    assertThat(client.command("noevents").header("Reply-Text"))
        .isEqualTo("+OK no longer listening for events");
  }

  @Test
  void aUniqueIdFilterHidesOtherCallsAndEventsWithoutTheHeader() throws Exception {
    client.command("event plain CHANNEL_CREATE BACKGROUND_JOB");
    String mine = UUID.randomUUID().toString();

    assertThat(client.command("filter Unique-ID " + mine).header("Reply-Text"))
        .isEqualTo("+OK filter added. [Unique-ID]=[" + mine + "]");
    client.api(
        "originate {origination_uuid=" + UUID.randomUUID() + "}sofia/gateway/gw/+15550111 &park()");
    client.command("bgapi status");
    client.api("originate {origination_uuid=" + mine + "}sofia/gateway/gw/+15550111 &park()");

    client.awaitEvent("CHANNEL_CREATE", mine);
    assertThat(client.events()).extracting(EslTestClient.Event::uuid).containsOnly(mine);

    assertThat(client.command("filter delete Unique-ID " + mine).header("Reply-Text"))
        .isEqualTo("+OK filter deleted. [Unique-ID][" + mine + "]");
    String jobUuid = client.command("bgapi status").header("Job-UUID");
    client.awaitEvent(e -> jobUuid.equals(e.header("Job-UUID")));
  }

  @Test
  void aFilterWithoutValueIsInvalidSyntax() throws Exception {
    assertThat(client.command("filter Unique-ID").header("Reply-Text"))
        .isEqualTo("-ERR invalid syntax");
  }

  @Test
  void jsonEventsAreFramedWithContentLengthFirstAndRawValues() throws Exception {
    assertThat(client.command("event json CHANNEL_ANSWER").header("Reply-Text"))
        .isEqualTo("+OK event listener enabled json");
    String uuid = UUID.randomUUID().toString();

    client.api(
        "originate {origination_uuid=" + uuid + "}sofia/external/15550111@127.0.0.1:5090 &park()");

    EslTestClient.Frame frame =
        org.awaitility.Awaitility.await()
            .atMost(EslTestClient.WAIT)
            .until(
                () -> client.frames().stream().filter(EslTestClient.Frame::isEvent).findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(frame.headers().get(0)[0]).isEqualTo("Content-Length");
    assertThat(frame.contentType()).isEqualTo("text/event-json");
    assertThat(frame.body())
        .startsWith("{\"Event-Name\":\"CHANNEL_ANSWER\",\"Core-UUID\":\"" + simulator.coreUuid())
        .contains("\"Channel-Name\":\"sofia/external/15550111@127.0.0.1:5090\"")
        .endsWith("}");
  }

  @Test
  void heartbeatsCarryTheCapturedHeadersInOrder() throws Exception {
    client.command("event plain HEARTBEAT");

    EslTestClient.Event beat = client.awaitEvent("HEARTBEAT", null);

    assertThat(beat.headers())
        .extracting(h -> h[0])
        .containsExactly(
            "Event-Name",
            "Core-UUID",
            "FreeSWITCH-Hostname",
            "FreeSWITCH-Switchname",
            "FreeSWITCH-IPv4",
            "FreeSWITCH-IPv6",
            "Event-Date-Local",
            "Event-Date-GMT",
            "Event-Date-Timestamp",
            "Event-Calling-File",
            "Event-Calling-Function",
            "Event-Calling-Line-Number",
            "Event-Sequence",
            "Event-Info",
            "Up-Time",
            "FreeSWITCH-Version",
            "Uptime-msec",
            "Session-Count",
            "Max-Sessions",
            "Session-Per-Sec",
            "Session-Per-Sec-Last",
            "Session-Per-Sec-Max",
            "Session-Per-Sec-FiveMin",
            "Session-Since-Startup",
            "Session-Peak-Max",
            "Session-Peak-FiveMin",
            "Idle-CPU");
    assertThat(beat.frame().text())
        .contains(
            "FreeSWITCH-IPv6: %3A%3A1\n",
            "Event-Info: System%20Ready\n", "Event-Calling-Line-Number: 95\n")
        .endsWith("Idle-CPU: 99.000000\n\n");
    assertThat(beat.body()).isNull();
  }

  @Test
  void droppedConnectionsCanReconnectToTheSameCore() throws Exception {
    simulator.dropConnections();
    org.awaitility.Awaitility.await().atMost(EslTestClient.WAIT).until(client::closedByServer);

    try (EslTestClient again = EslTestClient.authenticated(simulator, "ClueCon")) {
      again.command("event plain HEARTBEAT");
      assertThat(again.awaitEvent("HEARTBEAT", null).header("Core-UUID"))
          .isEqualTo(simulator.coreUuid());
    }
  }
}
