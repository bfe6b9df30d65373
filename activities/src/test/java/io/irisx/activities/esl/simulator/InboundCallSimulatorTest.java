package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call from the network parked by IRISX's public dialplan (captures 09 and 20), DTMF from the far
 * end (capture 08), far-end BYE.
 */
class InboundCallSimulatorTest extends ConnectedClientTest {
  @Override
  String subscribedEvents() {
    return "CHANNEL_CREATE CHANNEL_ANSWER CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE CHANNEL_PARK CHANNEL_EXECUTE "
        + "CHANNEL_EXECUTE_COMPLETE DTMF";
  }

  @Test
  void anInboundCallIsCreatedAndParkedLikeCapture20() throws Exception {
    String uuid = simulator.placeInboundCall("+15557770001", "+15550199");

    EslTestClient.Event create = client.awaitEvent("CHANNEL_CREATE", uuid);
    client.awaitEvent("CHANNEL_PARK", uuid);
    assertThat(client.eventNamesFor(uuid))
        .containsExactly(
            "CHANNEL_CREATE",
            "CHANNEL_EXECUTE",
            "CHANNEL_EXECUTE_COMPLETE",
            "CHANNEL_EXECUTE",
            "CHANNEL_EXECUTE_COMPLETE",
            "CHANNEL_EXECUTE",
            "CHANNEL_PARK");
    assertThat(create.headers().subList(13, 60))
        .extracting(h -> h[0])
        .containsExactly(
            "Channel-State",
            "Channel-Call-State",
            "Channel-State-Number",
            "Channel-Name",
            "Unique-ID",
            "Call-Direction",
            "Presence-Call-Direction",
            "Channel-HIT-Dialplan",
            "Channel-Call-UUID",
            "Answer-State",
            "Channel-Read-Codec-Name",
            "Channel-Read-Codec-Rate",
            "Channel-Read-Codec-Bit-Rate",
            "Channel-Write-Codec-Name",
            "Channel-Write-Codec-Rate",
            "Channel-Write-Codec-Bit-Rate",
            "Caller-Direction",
            "Caller-Logical-Direction",
            "Caller-Username",
            "Caller-Dialplan",
            "Caller-Caller-ID-Name",
            "Caller-Caller-ID-Number",
            "Caller-Orig-Caller-ID-Name",
            "Caller-Orig-Caller-ID-Number",
            "Caller-Network-Addr",
            "Caller-ANI",
            "Caller-Destination-Number",
            "Caller-Unique-ID",
            "Caller-Source",
            "Caller-Context",
            "Caller-Channel-Name",
            "Caller-Profile-Index",
            "Caller-Profile-Created-Time",
            "Caller-Channel-Created-Time",
            "Caller-Channel-Answered-Time",
            "Caller-Channel-Progress-Time",
            "Caller-Channel-Progress-Media-Time",
            "Caller-Channel-Hangup-Time",
            "Caller-Channel-Transfer-Time",
            "Caller-Channel-Resurrect-Time",
            "Caller-Channel-Bridged-Time",
            "Caller-Channel-Last-Hold",
            "Caller-Channel-Hold-Accum",
            "Caller-Screen-Bit",
            "Caller-Privacy-Hide-Name",
            "Caller-Privacy-Hide-Number",
            "variable_direction");
    String wire = create.frame().text();
    assertThat(wire)
        .contains(
            "\nChannel-State: CS_INIT\nChannel-Call-State: DOWN\nChannel-State-Number: 2\n"
                + "Channel-Name: sofia/external/%2B15557770001%40127.0.0.1%3A5071\nUnique-ID: "
                + uuid
                + "\n"
                + "Call-Direction: inbound\nPresence-Call-Direction: inbound\nChannel-HIT-Dialplan: true\n")
        .contains("\nCaller-Destination-Number: %2B15550199\n")
        .contains("\nCaller-Source: mod_sofia\nCaller-Context: public\n")
        .contains("\nvariable_sip_req_user: %2B15550199\n")
        .contains("\nvariable_sip_from_user: %2B15557770001\n")
        .contains("\nvariable_endpoint_disposition: RECEIVED\n\n");
    EslTestClient.Event park = client.awaitEvent("CHANNEL_PARK", uuid);
    assertThat(park.header("Channel-Call-State")).isEqualTo("RINGING");
    assertThat(park.header("Answer-State")).isEqualTo("ringing");
    List<String> names = park.headers().stream().map(h -> h[0]).toList();
    assertThat(names.subList(names.size() - 4, names.size()))
        .containsExactly(
            "variable_endpoint_disposition",
            "variable_call_uuid",
            "variable_irisx_inbound",
            "variable_current_application");
    assertThat(simulator.liveChannels())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.destination()).isEqualTo("+15550199");
              assertThat(c.application()).isEqualTo("park");
              assertThat(c.answered()).isFalse();
            });
  }

  @Test
  void digitsFromTheFarEndAreDtmfEventsLikeCapture08() throws Exception {
    String uuid = simulator.placeInboundCall("+15557770001", "+15550199");
    assertThatThrownBy(() -> simulator.pressDigits(uuid, "1"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(client.api("uuid_answer " + uuid)).isEqualTo("+OK\n");

    simulator.pressDigits(uuid, "1#");

    await()
        .atMost(EslTestClient.WAIT)
        .until(() -> client.events().stream().filter(e -> "DTMF".equals(e.name())).count() == 2);
    List<EslTestClient.Event> dtmf =
        client.events().stream().filter(e -> "DTMF".equals(e.name())).toList();
    assertThat(dtmf.get(0).frame().text())
        .endsWith(
            "Caller-Privacy-Hide-Number: false\nDTMF-Digit: 1\nDTMF-Duration: 2240\nDTMF-Source: RTP\n\n");
    assertThat(dtmf.get(1).frame().text())
        .contains("\nDTMF-Digit: %23\n")
        .contains(
            "\nEvent-Calling-File: switch_channel.c\nEvent-Calling-Function: switch_channel_dequeue_dtmf\n"
                + "Event-Calling-Line-Number: 677\n")
        .contains("\nChannel-Call-State: ACTIVE\n")
        .doesNotContain("variable_");
    assertThatThrownBy(() -> simulator.pressDigits(uuid, "1x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.pressDigits("nope", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFarEndHangingUpAnAnsweredCallIsARecvBye() throws Exception {
    String uuid = simulator.placeInboundCall("+15557770001", "+15550199");
    client.api("uuid_answer " + uuid);

    simulator.hangUpFarEnd(uuid, "NORMAL_CLEARING");

    EslTestClient.Event hangup = client.awaitEvent("CHANNEL_HANGUP", uuid);
    assertThat(hangup.header("Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
    assertThat(hangup.header("variable_sip_hangup_disposition")).isEqualTo("recv_bye");
    EslTestClient.Event complete = client.awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid);
    assertThat(complete.header("Call-Direction")).isEqualTo("inbound");
    assertThat(complete.header("variable_billsec")).matches("\\d+");
    assertThat(simulator.liveChannels()).isEmpty();
  }

  @Test
  void killingAnUnansweredInboundCallRefusesIt() throws Exception {
    String uuid = simulator.placeInboundCall("+15557770001", "+15550199");

    assertThat(client.api("uuid_kill " + uuid)).isEqualTo("+OK\n");

    EslTestClient.Event hangup = client.awaitEvent("CHANNEL_HANGUP", uuid);
    assertThat(hangup.header("Channel-Call-State")).isEqualTo("RINGING");
    assertThat(hangup.header("variable_sip_hangup_disposition")).isEqualTo("send_refuse");
    EslTestClient.Event parkDone =
        client.awaitEvent(
            e ->
                "CHANNEL_EXECUTE_COMPLETE".equals(e.name())
                    && "park".equals(e.header("Application")));
    assertThat(parkDone.header("Application-Response")).isEqualTo("_none_");
  }
}
