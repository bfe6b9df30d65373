package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The library pairs replies with commands purely in order and waits for ever. A command that times
 * out must therefore take its socket with it, or the next command would be handed the late reply.
 */
class EslConnectionCommandTimeoutTest {

  @Test
  void aCommandThatTimesOutTearsTheSocketDownSoItsLateReplyReachesNoOtherCommand()
      throws Exception {
    try (ScriptedEslServer server = new ScriptedEslServer();
        EslConnection esl =
            EslConnection.connect(
                new EslNodeSettings(
                    "node-t",
                    "127.0.0.1",
                    server.port(),
                    "pw",
                    "sofia/gateway/x/{to}",
                    Duration.ofMillis(500)),
                EslLinkPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                event -> {})) {
      assertThat(esl.isConnected()).isTrue();

      assertThatThrownBy(() -> esl.api("slow", "")).isInstanceOf(SwitchUnavailableException.class);

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> esl.linksEstablished() == 2 && esl.isConnected());
      assertThat(esl.api("fast", "").body()).isEqualTo("FAST-REPLY");
      assertThat(esl.api("other", "").body()).isEqualTo("OTHER-REPLY");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aSwitchThatStallsItsRepliesCostsOneSocketAndItsHeldRepliesAreNeverReadAsOthers() {
    try (EslSimulator simulator =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("pw"));
        EslConnection esl =
            EslConnection.connect(
                new EslNodeSettings(
                    "node-t",
                    simulator.host(),
                    simulator.port(),
                    "pw",
                    "sofia/gateway/x/{to}",
                    Duration.ofMillis(500)),
                EslLinkPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                event -> {})) {
      simulator.stallReplies(true);

      assertThatThrownBy(() -> esl.api("status", ""))
          .isInstanceOf(SwitchUnavailableException.class);
      assertThat(esl.isConnected()).isFalse();

      simulator.stallReplies(false);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> esl.linksEstablished() == 2 && esl.isConnected());
      assertThat(esl.api("uuid_exists", UUID.randomUUID().toString()).body()).isEqualTo("false");
      assertThat(esl.api("status", "").body()).startsWith("UP");
    }
  }
}
