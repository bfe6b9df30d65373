package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media the switch cannot open (capture 15, 18): the playback completes at once with the failure
 * and sends no PLAYBACK events; what needs a module follows {@code load}, {@code unload} and {@code
 * module_exists}.
 */
class MediaThatFailsSimulatorTest extends ConnectedClientTest {
  private String uuid;

  @Override
  String subscribedEvents() {
    return "CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE PLAYBACK_START PLAYBACK_STOP";
  }

  @BeforeEach
  void answered() throws Exception {
    uuid = UUID.randomUUID().toString();
    client.api("originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550111 &park()");
  }

  @Test
  void aScriptedBrokenFileCompletesWithItsResponseAndTheNextOneStillPlays() throws Exception {
    simulator.mediaFailsToOpen("prompts/broken.wav", "Invalid file format");

    client.api("uuid_broadcast " + uuid + " prompts/broken.wav aleg");
    client.api("uuid_broadcast " + uuid + " prompts/fine.wav aleg");

    EslTestClient.Event failed =
        client.awaitEvent(
            e ->
                "CHANNEL_EXECUTE_COMPLETE".equals(e.name())
                    && "prompts/broken.wav".equals(e.header("Application-Data")));
    assertThat(failed.header("Application-Response")).isEqualTo("Invalid file format");
    EslTestClient.Event start = client.awaitEvent("PLAYBACK_START", uuid);
    assertThat(start.header("Playback-File-Path")).endsWith("/prompts/fine.wav");
    assertThat(client.events().indexOf(failed)).isLessThan(client.events().indexOf(start));
    assertThat(
            client.events().stream()
                .filter(e -> e.name().startsWith("PLAYBACK_"))
                .map(e -> e.header("Playback-File-Path"))
                .toList())
        .allMatch(path -> path.endsWith("/prompts/fine.wav"));
  }

  @Test
  void speechNeedsModSsmlAndModuleExistsSaysWhetherItIsLoaded() throws Exception {
    assertThat(client.api("module_exists mod_ssml")).isEqualTo("true");
    assertThat(client.api("module_exists mod_no_such")).isEqualTo("false");
    assertThat(client.api("unload mod_ssml")).isEqualTo("+OK\n");
    assertThat(client.api("module_exists mod_ssml")).isEqualTo("false");

    client.api("uuid_broadcast " + uuid + " 'tts://flite|kal|Hello there' aleg");

    EslTestClient.Event complete = client.awaitEvent("CHANNEL_EXECUTE_COMPLETE", uuid);
    assertThat(complete.header("Application-Response")).isEqualTo("FILE NOT FOUND");
    assertThat(client.api("load mod_ssml")).isEqualTo("+OK Reloading XML\n+OK\n");
    assertThat(client.api("module_exists mod_ssml")).isEqualTo("true");
    client.api("uuid_broadcast " + uuid + " 'tts://flite|kal|Hello there' aleg");
    assertThat(client.awaitEvent("PLAYBACK_START", uuid).header("Playback-File-Path"))
        .isEqualTo("tts://flite|kal|Hello there");
  }
}
