package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** uuid_broadcast and sendmsg playback on a parked call (captures 03 and 11). */
class PlaybackSimulatorTest extends ConnectedClientTest {
  private String uuid;

  @Override
  SimulatorOptions options() {
    return SimulatorOptions.defaults().withPort(0).withDefaultPlayback(Duration.ofMillis(300));
  }

  @Override
  String subscribedEvents() {
    return "CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE PLAYBACK_START PLAYBACK_STOP CHANNEL_HANGUP";
  }

  @BeforeEach
  void start() throws Exception {
    uuid = UUID.randomUUID().toString();
    client.api("originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550111 &park()");
  }

  @Test
  void aBroadcastPlaysTheFileAndTheChannelKeepsPlaybackAsItsApplication() throws Exception {
    String path = "tone_stream://%(1000,0,440)";

    assertThat(client.command("api uuid_broadcast " + uuid + " " + path + " aleg").text())
        .isEqualTo("Content-Type: api/response\nContent-Length: 17\n\n+OK Message sent\n");

    EslTestClient.Event start = client.awaitEvent("PLAYBACK_START", uuid);
    assertThat(start.header("Playback-File-Path")).isEqualTo(path);
    assertThat(start.header("Playback-File-Type")).isEqualTo("tone_stream");
    assertThat(simulator.liveChannels().get(0).application()).isEqualTo("playback");
    EslTestClient.Event stop = client.awaitEvent("PLAYBACK_STOP", uuid);
    assertThat(stop.header("Playback-Status")).isEqualTo("done");
    assertThat(stop.header("variable_playback_ms")).isEqualTo("300");
    EslTestClient.Event complete =
        client.awaitEvent(
            e ->
                "CHANNEL_EXECUTE_COMPLETE".equals(e.name())
                    && "playback".equals(e.header("Application")));
    assertThat(complete.header("Application-Response")).isEqualTo("FILE PLAYED");
    assertThat(complete.frame().text())
        .contains("Application-Data: tone_stream%3A//%25(1000,0,440)\n");
    // The switch parks again without a CHANNEL_PARK and leaves the field as it was (capture 16).
    assertThat(client.api("uuid_getvar " + uuid + " current_application")).isEqualTo("playback");
    assertThat(simulator.liveChannels().get(0).application()).isEqualTo("playback");
    assertThat(client.eventNamesFor(uuid))
        .containsExactly(
            "CHANNEL_EXECUTE",
            "CHANNEL_EXECUTE",
            "PLAYBACK_START",
            "PLAYBACK_STOP",
            "CHANNEL_EXECUTE_COMPLETE");
  }

  @Test
  void quotedSpeechIsOnePlaybackWhoseLengthFollowsTheText() throws Exception {
    String text = "Press one to confirm, Ana";

    assertThat(client.api("uuid_broadcast " + uuid + " 'tts://flite|kal|" + text + "' aleg"))
        .isEqualTo("+OK Message sent\n");

    EslTestClient.Event start = client.awaitEvent("PLAYBACK_START", uuid);
    assertThat(start.header("Playback-File-Path")).isEqualTo("tts://flite|kal|" + text);
    EslTestClient.Event stop = client.awaitEvent("PLAYBACK_STOP", uuid);
    assertThat(stop.header("Playback-Status")).isEqualTo("done");
    // 25 characters at about 15 a second: not the 300 ms a file takes here.
    assertThat(stop.header("variable_playback_ms"))
        .isEqualTo(Long.toString(text.length() * 1000L / 15));
  }

  @Test
  void aBroadcastToAMissingChannelIsRefused() throws Exception {
    assertThat(client.api("uuid_broadcast " + UUID.randomUUID() + " /tmp/x.wav aleg"))
        .isEqualTo("-ERR invalid uuid\n");
  }

  @Test
  void sendmsgExecutePlaybackUsesTheEventUuidAsApplicationUuid() throws Exception {
    String eventUuid = UUID.randomUUID().toString();

    EslTestClient.Frame reply =
        client.command(
            "sendmsg "
                + uuid
                + "\ncall-command: execute\n"
                + "execute-app-name: playback\nexecute-app-arg: /sounds/hello.wav\nevent-lock: true\nEvent-UUID: "
                + eventUuid
                + "\n\n");

    assertThat(reply.text()).isEqualTo("Content-Type: command/reply\nReply-Text: +OK\n\n");
    EslTestClient.Event start = client.awaitEvent("PLAYBACK_START", uuid);
    assertThat(start.header("Playback-File-Path")).isEqualTo("/sounds/hello.wav");
    assertThat(start.header("Playback-File-Type")).isNull();
    EslTestClient.Event complete =
        client.awaitEvent(
            e ->
                "CHANNEL_EXECUTE_COMPLETE".equals(e.name())
                    && eventUuid.equals(e.header("Application-UUID")));
    assertThat(complete.header("Application")).isEqualTo("playback");
  }

  @Test
  void sendmsgToAMissingChannelNamesIt() throws Exception {
    assertThat(
            client
                .command(
                    "sendmsg 00000000-0000-0000-0000-000000000000\ncall-command: execute\n"
                        + "execute-app-name: playback\nexecute-app-arg: tone_stream://%(500,0,440)\n\n")
                .header("Reply-Text"))
        .isEqualTo("-ERR invalid session id [00000000-0000-0000-0000-000000000000]");
  }

  @Test
  void sendmsgHangupEndsTheCallWithTheGivenCause() throws Exception {
    client.command("sendmsg " + uuid + "\ncall-command: hangup\nhangup-cause: USER_BUSY\n\n");

    assertThat(client.awaitEvent("CHANNEL_HANGUP", uuid).header("Hangup-Cause"))
        .isEqualTo("USER_BUSY");
  }
}
