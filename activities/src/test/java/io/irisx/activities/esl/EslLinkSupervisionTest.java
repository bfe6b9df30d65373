package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The link's supervisor against the simulator: reconnecting, the HEARTBEAT watchdog, refused auth.
 */
class EslLinkSupervisionTest {
  private static final EslLinkPolicy FAST =
      EslLinkPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));

  @Test
  void aDroppedLinkIsReplacedByANewOneThatRunsCommands() {
    try (EslSimulator simulator =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("pw"));
        EslConnection esl = EslConnection.connect(settings(simulator, "pw"), FAST, event -> {})) {
      assertThat(esl.isConnected()).isTrue();

      simulator.dropConnections();

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> esl.linksEstablished() == 2 && esl.isConnected());
      assertThat(esl.api("status", "").body()).startsWith("UP");
      assertThat(authentications(simulator)).isEqualTo(2);
    }
  }

  @Test
  void aLinkWithoutHeartbeatsIsDeclaredDeadAndReplaced() {
    try (EslSimulator simulator =
            EslSimulator.start(
                SimulatorOptions.defaults()
                    .withPort(0)
                    .withPassword("pw")
                    .withHeartbeatInterval(Duration.ofHours(1)));
        EslConnection esl =
            EslConnection.connect(
                settings(simulator, "pw"),
                FAST.withHeartbeatTimeout(Duration.ofMillis(300)),
                event -> {})) {

      await().atMost(Duration.ofSeconds(5)).until(() -> esl.linksEstablished() >= 3);
      assertThat(authentications(simulator)).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void heartbeatsKeepTheLinkUp() {
    try (EslSimulator simulator =
            EslSimulator.start(
                SimulatorOptions.defaults()
                    .withPort(0)
                    .withPassword("pw")
                    .withHeartbeatInterval(Duration.ofMillis(100)));
        EslConnection esl =
            EslConnection.connect(
                settings(simulator, "pw"),
                FAST.withHeartbeatTimeout(Duration.ofMillis(600)),
                event -> {})) {

      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(3))
          .until(() -> esl.linksEstablished() == 1 && esl.isConnected());
    }
  }

  @Test
  void aRefusedPasswordLeavesTheLinkDownAndSaysWhyWhileRetryingWithBackoff() {
    try (EslSimulator simulator =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("right"));
        EslConnection esl =
            EslConnection.connect(
                settings(simulator, "wrong"),
                EslLinkPolicy.defaults()
                    .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(10)),
                event -> {})) {

      assertThat(esl.isConnected()).isFalse();
      assertThat(esl.problem()).contains("authentication refused");
      assertThatThrownBy(() -> esl.api("status", ""))
          .isInstanceOf(SwitchUnavailableException.class);
      // 100, 200, 400, 800 ms between attempts: a handful in two seconds, not a tight loop
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      assertThat(authentications(simulator)).isBetween(2L, 6L);
      assertThat(simulator.receivedCommands())
          .noneMatch(command -> command.startsWith("api") || command.startsWith("event"));
    }
  }

  @Test
  void aSwitchThatStartsRefusingAuthIsReportedDownAndTheLinkReturnsWhenItAcceptsAgain() {
    try (EslSimulator simulator =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("pw"));
        EslConnection esl = EslConnection.connect(settings(simulator, "pw"), FAST, event -> {})) {
      simulator.refuseAuth(true);
      simulator.dropConnections();

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> String.valueOf(esl.problem()).contains("authentication refused"));
      assertThat(esl.isConnected()).isFalse();
      assertThatThrownBy(() -> esl.api("status", ""))
          .isInstanceOf(SwitchUnavailableException.class);

      simulator.refuseAuth(false);
      await().atMost(Duration.ofSeconds(5)).until(esl::isConnected);
      assertThat(esl.problem()).isNull();
      assertThat(esl.api("status", "").body()).startsWith("UP");
    }
  }

  @Test
  void socketsThatWereReplacedLeaveNoLibraryThreadsBehind() {
    long before = libraryThreads();
    try (EslSimulator simulator =
            EslSimulator.start(
                SimulatorOptions.defaults()
                    .withPort(0)
                    .withPassword("pw")
                    .withHeartbeatInterval(Duration.ofHours(1)));
        EslConnection esl =
            EslConnection.connect(
                settings(simulator, "pw"),
                FAST.withHeartbeatTimeout(Duration.ofMillis(100)),
                event -> {})) {
      await().atMost(Duration.ofSeconds(10)).until(() -> esl.linksEstablished() >= 6);
      // one live socket's threads at most, however many sockets came before it
      await().atMost(Duration.ofSeconds(5)).until(() -> libraryThreads() <= before + 4);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> libraryThreads() <= before);
  }

  /** The threads the freeswitch-esl client starts per client: its executors and its Netty loop. */
  private static long libraryThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(
            name ->
                name.startsWith("publicExecutor")
                    || name.startsWith("privateExecutor")
                    || name.startsWith("scheduled-pool")
                    || name.startsWith("nioEventLoopGroup"))
        .count();
  }

  private static long authentications(EslSimulator simulator) {
    return simulator.receivedCommands().stream()
        .filter(command -> command.startsWith("auth"))
        .count();
  }

  static EslNodeSettings settings(EslSimulator simulator, String password) {
    return new EslNodeSettings(
        "node-sup",
        simulator.host(),
        simulator.port(),
        password,
        "sofia/gateway/irisx/{to}",
        Duration.ofSeconds(2));
  }
}
