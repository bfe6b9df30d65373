package io.irisx.worker.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.health.HealthCheck;
import io.irisx.activities.esl.EslConnection;
import io.irisx.activities.esl.EslNodeSettings;
import io.irisx.activities.esl.ModuleCheck;
import io.irisx.activities.esl.SpeechVoice;
import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * At link-up the worker asks the switch (the simulator over real ESL) which of the modules it uses
 * are loaded: mod_ssml missing degrades speech and keeps the worker healthy; mod_sofia missing
 * makes it unhealthy; a reconnect checks again.
 */
class SwitchModulesHealthCheckTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aMissingSpeechModuleIsReportedAndTheWorkerStaysHealthy() {
    try (EslSimulator simulator = EslSimulator.start(SimulatorOptions.defaults().withPort(0))) {
      simulator.unloadModule("mod_ssml");
      try (EslConnection esl = EslConnection.connect(settings(simulator), event -> {})) {
        SwitchModulesHealthCheck health = healthCheck(esl).watch();

        await().atMost(WAIT).until(() -> health.execute().getMessage().contains("mod_ssml"));
        HealthCheck.Result result = health.execute();
        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage())
            .isEqualTo(
                "mod_ssml missing: spoken prompts (say:) fail as missing files: it registers tts://");
        assertThat(simulator.receivedCommands()).contains("api module_exists mod_flite");
      }
    }
  }

  @Test
  void aMissingEssentialModuleMakesTheWorkerUnhealthyUntilALinkFindsItBack() {
    try (EslSimulator simulator = EslSimulator.start(SimulatorOptions.defaults().withPort(0))) {
      simulator.unloadModule("mod_sofia");
      try (EslConnection esl = EslConnection.connect(settings(simulator), event -> {})) {
        SwitchModulesHealthCheck health = healthCheck(esl).watch();

        await().atMost(WAIT).until(() -> !health.execute().isHealthy());
        assertThat(health.execute().getMessage())
            .isEqualTo("mod_sofia missing: SIP: no call can be made or received");

        simulator.loadModule("mod_sofia");
        simulator.dropConnections();
        await().atMost(WAIT).until(() -> health.execute().isHealthy());
        assertThat(health.execute().getMessage()).isEqualTo("all modules IRISX uses are loaded");
      }
    }
  }

  private static SwitchModulesHealthCheck healthCheck(EslConnection esl) {
    return new SwitchModulesHealthCheck(
        "node-1", esl, new ModuleCheck(SpeechVoice.orDefault(null, null), Clock.systemUTC()));
  }

  private static EslNodeSettings settings(EslSimulator simulator) {
    return new EslNodeSettings(
        "node-1",
        simulator.host(),
        simulator.port(),
        "ClueCon",
        "sofia/gateway/carrier/{to}",
        Duration.ofSeconds(5));
  }
}
