package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./irisx dev --esl-host ...}: the stack starts no simulator and its worker uses the switch
 * it is given, with that switch's password and dial template. A simulator started by the test plays
 * the part of the real FreeSWITCH.
 */
class CallEndToEndOnExternalSwitchTest {

  @Test
  void theDevStackDialsThroughTheSwitchItIsGiven(@TempDir Path home) throws Exception {
    String password = "Str0ng \"pw\" ${NOT_AN_ENV_VAR} #x";
    try (EslSimulator freeswitch =
        EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword(password))) {
      DevOptions options =
          DevOptions.ephemeral(home, TemporalMode.IN_PROCESS)
              .withExternalSwitch(
                  new ExternalSwitch(
                      freeswitch.host(),
                      freeswitch.port(),
                      password,
                      "sofia/gateway/carrier/{to}"));
      try (DevStack stack = DevStack.start(options)) {
        assertThat(stack.simulator()).isNull();
        assertThat(stack.manifest().eslHost()).isEqualTo(freeswitch.host());
        assertThat(stack.manifest().eslPort()).isEqualTo(freeswitch.port());
        assertThat(stack.manifest().eslPassword()).isNull();
        assertThat(Files.readString(DevStack.manifestFile(home.toAbsolutePath())))
            .doesNotContain("Str0ng");

        CallsApi api = new CallsApi(stack.manifest());
        CallsApi.Reply created = api.startCall("+15550100", "+15550111", "hello");
        assertThat(created.status()).isEqualTo(201);
        JsonNode call = api.awaitFinal(created.body().path("id").asText(), Duration.ofSeconds(30));

        assertThat(call.path("status").asText()).isEqualTo("completed");
        assertThat(freeswitch.receivedCommands())
            .anyMatch(
                command ->
                    command.startsWith("bgapi originate")
                        && command.contains("}sofia/gateway/carrier/+15550111 &park()"));
      }
    }
  }
}
