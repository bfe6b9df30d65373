package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * myevents on an inbound socket: reply texts of mod_event_socket, one channel's events, closed with
 * its hangup.
 */
class MyEventsSimulatorTest extends ConnectedClientTest {
  @Test
  void myEventsDeliversOnlyThatChannelsEventsAndEndsWithIt() throws Exception {
    String mine = answeredCall();
    String other = answeredCall();

    assertThat(client.command("myevents " + mine).text())
        .isEqualTo("Content-Type: command/reply\nReply-Text: +OK Events Enabled\n\n");
    assertThat(client.command("myevents " + mine).header("Reply-Text"))
        .isEqualTo("-ERR aready enabled.");

    client.api("uuid_kill " + other);
    client.api("uuid_kill " + mine);

    client.awaitEvent("CHANNEL_HANGUP", mine);
    await().atMost(EslTestClient.WAIT).until(client::closedByServer);
    assertThat(client.events()).allMatch(e -> mine.equals(e.uuid()));
    assertThat(client.frames().get(client.frames().size() - 1).contentType())
        .isEqualTo("text/disconnect-notice");
  }

  @Test
  void anUnknownUuidWithAFormatIsRefusedAndABareMyEventsIsUnknown() throws Exception {
    assertThat(client.command("myevents " + UUID.randomUUID() + " plain").header("Reply-Text"))
        .isEqualTo("-ERR invalid uuid");
    assertThat(client.command("myevents").header("Reply-Text")).isEqualTo("-ERR command not found");
  }

  private String answeredCall() throws Exception {
    String uuid = UUID.randomUUID().toString();
    client.api("originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550111 &park()");
    return uuid;
  }
}
