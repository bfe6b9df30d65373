package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * originate leg variables, uuid_send_dtmf, uuid_record, uuid_transfer, uuid_bridge (reply texts per
 * mod_commands.c).
 */
class CallControlCommandsSimulatorTest extends ConnectedClientTest {
  @TempDir Path recordings;

  @Override
  String subscribedEvents() {
    return "CHANNEL_CREATE CHANNEL_PARK CHANNEL_UNPARK CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_STATE "
        + "CHANNEL_BRIDGE CHANNEL_UNBRIDGE CHANNEL_HANGUP RECORD_START RECORD_STOP DTMF";
  }

  @Test
  void legVariablesInSquareBracketsAndSipHeadersLandOnTheChannel() throws Exception {
    String uuid = UUID.randomUUID().toString();

    client.api(
        "originate {origination_uuid="
            + uuid
            + ",sip_h_X-Campaign=c42}[irisx_call_id=irx-7,"
            + "sip_h_X-Tenant=t1]sofia/gateway/gw/+15550111 &park()");

    EslTestClient.Event create = client.awaitEvent("CHANNEL_CREATE", uuid);
    assertThat(create.header("variable_sip_h_X-Campaign")).isEqualTo("c42");
    assertThat(create.header("variable_sip_h_X-Tenant")).isEqualTo("t1");
    assertThat(create.header("variable_irisx_call_id")).isEqualTo("irx-7");
    assertThat(create.header("Channel-Name")).isEqualTo("sofia/gateway/gw/+15550111");
    assertThat(client.api("uuid_getvar " + uuid + " sip_h_X-Tenant")).isEqualTo("t1");
  }

  @Test
  void uuidSendDtmfAnswersLikeModCommandsAndFiresNoDtmfEvent() throws Exception {
    String uuid = answeredCall();

    assertThat(client.command("api uuid_send_dtmf " + uuid + " 12#").text())
        .isEqualTo(
            "Content-Type: api/response\nContent-Length: 56\n\n+OK " + uuid + " sent DTMF 12#.\n");
    assertThat(client.api("uuid_send_dtmf " + UUID.randomUUID() + " 1"))
        .isEqualTo("-ERR Cannot locate session!\n");
    assertThat(client.api("uuid_send_dtmf " + uuid)).isEqualTo("-USAGE: <uuid> <dtmf_data>\n");
    assertThat(client.eventNamesFor(uuid)).doesNotContain("DTMF");
  }

  @Test
  void uuidRecordWritesARealWavFileOfTheRecordedLength() throws Exception {
    String uuid = answeredCall();
    Path file = recordings.resolve("sub/rec-" + uuid + ".wav");

    assertThat(client.command("api uuid_record " + uuid + " start " + file).text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 12\n\n+OK Success\n");
    EslTestClient.Event start = client.awaitEvent("RECORD_START", uuid);
    assertThat(start.header("Record-File-Path")).isEqualTo(file.toString());
    Thread.sleep(300); // not waiting for a condition: the call records 300 ms of audio
    assertThat(client.api("uuid_record " + uuid + " stop " + file)).isEqualTo("+OK Success\n");

    EslTestClient.Event stop = client.awaitEvent("RECORD_STOP", uuid);
    long ms = Long.parseLong(stop.header("variable_record_ms"));
    long samples = Long.parseLong(stop.header("variable_record_samples"));
    assertThat(ms).isBetween(250L, 3_000L);
    assertThat(samples).isEqualTo(ms * 8);
    assertThat(stop.header("variable_record_seconds")).isEqualTo(Long.toString(samples / 8000));
    assertThat(stop.header("Record-Completion-Cause")).isEqualTo("success-maxtime");
    assertThat(stop.frame().text())
        .endsWith(
            "variable_record_completion_cause: success-maxtime\n"
                + "Record-File-Path: "
                + file.toString()
                + "\n"
                + "Record-Completion-Cause: success-maxtime\n\n");
    byte[] wav = Files.readAllBytes(file);
    assertThat((long) wav.length)
        .isEqualTo(44 + samples * 2)
        .isEqualTo(Long.parseLong(stop.header("variable_record_file_size")));
    ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
    assertThat(header.getShort(20)).isEqualTo((short) 1);
    assertThat(header.getShort(22)).isEqualTo((short) 1);
    assertThat(header.getInt(24)).isEqualTo(8000);
    assertThat(header.getShort(34)).isEqualTo((short) 16);
    assertThat(header.getInt(40)).isEqualTo((int) (samples * 2));
    assertThat(Arrays.copyOfRange(wav, 44, wav.length)).containsOnly((byte) 0);

    assertThat(client.api("uuid_record " + uuid + " stop " + file))
        .isEqualTo("-ERR Cannot stop record session!\n");
    assertThat(client.api("uuid_record " + UUID.randomUUID() + " start " + file))
        .isEqualTo("-ERR Cannot locate session!\n");
    assertThat(client.api("uuid_record " + uuid))
        .isEqualTo("-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n");
  }

  @Test
  void aRecordingStopsByItselfAtItsLimit() throws Exception {
    String uuid = answeredCall();
    Path file = recordings.resolve("limited.wav");

    client.api("uuid_record " + uuid + " start " + file + " 1");

    EslTestClient.Event stop = client.awaitEvent("RECORD_STOP", uuid);
    assertThat(stop.header("variable_record_ms")).isEqualTo("1000");
    assertThat(Files.size(file)).isEqualTo(44 + 16_000);
  }

  @Test
  void uuidTransferParksAgainAtTheNewDestination() throws Exception {
    String uuid = simulator.placeInboundCall("+15557770001", "+15550199");
    client.awaitEvent("CHANNEL_PARK", uuid);
    int before = client.events().size();

    assertThat(client.command("api uuid_transfer " + uuid + " 4000 XML default").text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 4\n\n+OK\n");

    await()
        .atMost(EslTestClient.WAIT)
        .until(
            () ->
                client.events().stream()
                    .skip(before)
                    .anyMatch(e -> "CHANNEL_PARK".equals(e.name())));
    var after = client.events().subList(before, client.events().size());
    assertThat(after)
        .extracting(EslTestClient.Event::name)
        .containsExactly(
            "CHANNEL_UNPARK",
            "CHANNEL_EXECUTE_COMPLETE",
            "CHANNEL_STATE",
            "CHANNEL_STATE",
            "CHANNEL_EXECUTE",
            "CHANNEL_PARK");
    EslTestClient.Event park = after.get(after.size() - 1);
    assertThat(park.header("Caller-Destination-Number")).isEqualTo("4000");
    assertThat(park.header("Caller-RDNIS")).isEqualTo("+15550199");
    assertThat(park.header("Caller-Context")).isEqualTo("default");
    assertThat(park.header("Caller-Profile-Index")).isEqualTo("2");
    assertThat(park.header("Caller-Transfer-Source"))
        .matches("\\d+:" + uuid + ":bl_xfer:4000/default/XML");
    assertThat(park.header("variable_max_forwards")).isEqualTo("69");
    assertThat(Long.parseLong(park.header("Caller-Channel-Transfer-Time"))).isPositive();
    assertThat(simulator.liveChannels())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.destination()).isEqualTo("4000");
              assertThat(c.application()).isEqualTo("park");
            });
    assertThat(client.api("uuid_transfer " + UUID.randomUUID() + " 4000"))
        .isEqualTo("-ERR No such channel!\n");
    assertThat(client.api("uuid_transfer " + uuid))
        .isEqualTo("-USAGE: <uuid> [-bleg|-both] <dest-exten> [<dialplan>] [<context>]\n");
  }

  @Test
  void uuidBridgeJoinsTwoLegsAndTheirHangupUnbridges() throws Exception {
    String a = simulator.placeInboundCall("+15557770001", "+15550199");
    client.api("uuid_answer " + a);
    String b = answeredCall();

    assertThat(client.command("api uuid_bridge " + a + " " + b).text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 41\n\n+OK " + b + "\n");

    EslTestClient.Event bridge = client.awaitEvent("CHANNEL_BRIDGE", a);
    assertThat(bridge.headers().get(13)).containsExactly("Bridge-A-Unique-ID", a);
    assertThat(bridge.headers().get(14)).containsExactly("Bridge-B-Unique-ID", b);
    assertThat(bridge.header("Other-Type")).isEqualTo("originatee");
    assertThat(bridge.header("Other-Leg-Unique-ID")).isEqualTo(b);
    assertThat(bridge.header("Other-Leg-Destination-Number")).isEqualTo("+15550111");
    assertThat(bridge.header("variable_bridge_to")).isEqualTo(b);
    assertThat(client.eventNamesFor(b)).doesNotContain("CHANNEL_BRIDGE");

    simulator.hangUpFarEnd(b, "NORMAL_CLEARING");

    EslTestClient.Event unbridge = client.awaitEvent("CHANNEL_UNBRIDGE", a);
    assertThat(unbridge.header("Bridge-B-Unique-ID")).isEqualTo(b);
    assertThat(client.awaitEvent("CHANNEL_HANGUP", a).header("Hangup-Cause"))
        .isEqualTo("NORMAL_CLEARING");
    await().atMost(EslTestClient.WAIT).until(() -> simulator.liveChannels().isEmpty());
    assertThat(client.api("uuid_bridge " + a + " " + b)).isEqualTo("-ERR Invalid uuid\n");
    assertThat(client.api("uuid_bridge " + a)).isEqualTo("-USAGE: <uuid> <other_uuid>\n");
  }

  private String answeredCall() throws Exception {
    String uuid = UUID.randomUUID().toString();
    assertThat(
            client.api(
                "originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550111 &park()"))
        .isEqualTo("+OK " + uuid + "\n");
    return uuid;
  }
}
