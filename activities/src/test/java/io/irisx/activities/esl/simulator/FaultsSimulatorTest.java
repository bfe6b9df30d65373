package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Faults on demand: stalled replies, refused auth, a restart with a new Core-UUID. */
class FaultsSimulatorTest extends ConnectedClientTest {
  @Override
  String subscribedEvents() {
    return "CHANNEL_CREATE CHANNEL_ANSWER CHANNEL_PARK CHANNEL_HANGUP";
  }

  @Test
  void stalledRepliesAndTheEventsAfterThemComeOutInOrderWhenReleased() throws Exception {
    simulator.stallReplies(true);
    int before = client.frames().size();
    String uuid = UUID.randomUUID().toString();

    client.send(
        "api originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550111 &park()\n\n");
    client.send("api uuid_exists " + uuid + "\n\n");

    await()
        .atMost(EslTestClient.WAIT)
        .until(
            () ->
                simulator.receivedCommands().stream().anyMatch(c -> c.startsWith("api originate")));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(1))
        .until(() -> client.frames().size() == before);
    assertThat(simulator.liveChannels())
        .extracting(SimulatedChannelView::uuid)
        .containsExactly(uuid);

    simulator.stallReplies(false);

    assertThat(client.nextReply().body()).isEqualTo("+OK " + uuid + "\n");
    assertThat(client.nextReply().body()).isEqualTo("true");
    client.awaitEvent("CHANNEL_PARK", uuid);
    List<EslTestClient.Frame> after = client.frames().subList(before, client.frames().size());
    assertThat(after.get(0).body())
        .as("the held reply comes before the events it held back")
        .isEqualTo("+OK " + uuid + "\n");
    assertThat(after.stream().filter(f -> !f.isEvent()).map(EslTestClient.Frame::body))
        .containsExactly("+OK " + uuid + "\n", "true");
  }

  @Test
  void whileAuthIsRefusedTheRightPasswordGetsTheBadPasswordAnswer() throws Exception {
    simulator.refuseAuth(true);
    try (EslTestClient other = EslTestClient.connect(simulator)) {
      other.nextReply();

      assertThat(other.command("auth ClueCon").text())
          .isEqualTo("Content-Type: command/reply\nReply-Text: -ERR invalid\n\n");
      assertThat(other.nextReply().raw()).hasSize(124);
      await().atMost(EslTestClient.WAIT).until(other::closedByServer);
    }

    simulator.refuseAuth(false);
    try (EslTestClient other = EslTestClient.authenticated(simulator, "ClueCon")) {
      assertThat(other.api("uuid_exists x")).isEqualTo("false");
    }
  }

  @Test
  void aRestartDoesNotWaitForAnApiOriginateStillRinging() throws Exception {
    client.send("api originate {originate_timeout=60}sofia/gateway/gw/+15550140002 &park()\n\n");
    await().atMost(EslTestClient.WAIT).until(() -> !simulator.liveChannels().isEmpty());

    assertTimeoutPreemptively(Duration.ofSeconds(2), simulator::restart);

    await().atMost(EslTestClient.WAIT).until(client::closedByServer);
    assertThat(simulator.liveChannels()).isEmpty();
  }

  @Test
  void aRestartClosesEverySocketAndForgetsEveryChannelWithoutEvents() throws Exception {
    String uuid = UUID.randomUUID().toString();
    client.api("originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550111 &park()");
    client.awaitEvent("CHANNEL_PARK", uuid);
    String oldCore = simulator.coreUuid();
    int port = simulator.port();

    simulator.restart();

    await().atMost(EslTestClient.WAIT).until(client::closedByServer);
    assertThat(client.eventNamesFor(uuid)).doesNotContain("CHANNEL_HANGUP");
    assertThat(simulator.coreUuid()).isNotEqualTo(oldCore);
    assertThat(simulator.port()).isEqualTo(port);
    assertThat(simulator.liveChannels()).isEmpty();
    try (EslTestClient fresh = EslTestClient.authenticated(simulator, "ClueCon")) {
      assertThat(fresh.api("uuid_exists " + uuid)).isEqualTo("false");
      assertThat(fresh.api("show channels")).isEqualTo("\n0 total.\n");
      fresh.command("event plain CHANNEL_CREATE");
      String next = UUID.randomUUID().toString();
      fresh.api("originate {origination_uuid=" + next + "}sofia/gateway/gw/+15550111 &park()");
      assertThat(fresh.awaitEvent("CHANNEL_CREATE", next).header("Core-UUID"))
          .isEqualTo(simulator.coreUuid());
    }
  }
}
