package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import io.irisx.workflows.call.OriginateCommand;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two links to two switches in one JVM stay apart (the library once kept its client in a static
 * singleton): each link's commands reach only its own switch and its events come only from it, even
 * across a reconnect of one of them.
 */
class TwoNodesInOneJvmTest {

  @Test
  void eachLinkTalksOnlyToItsOwnSwitch() {
    List<SwitchEvent> eventsA = new CopyOnWriteArrayList<>();
    List<SwitchEvent> eventsB = new CopyOnWriteArrayList<>();
    try (EslSimulator switchA =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("pw-a"));
        EslSimulator switchB =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("pw-b"));
        EslConnection nodeA =
            EslConnection.connect(settings("node-a", switchA, "pw-a"), eventsA::add);
        EslConnection nodeB =
            EslConnection.connect(settings("node-b", switchB, "pw-b"), eventsB::add)) {
      CallControlActivitiesImpl controlA =
          new CallControlActivitiesImpl(nodeA, new EslCommandBuilder(nodeA.settings()));
      CallControlActivitiesImpl controlB =
          new CallControlActivitiesImpl(nodeB, new EslCommandBuilder(nodeB.settings()));
      OriginateCommand callA = ReconcileAfterReconnectTest.command("+15550111");
      OriginateCommand callB = ReconcileAfterReconnectTest.command("+15550122");

      controlA.originate(callA);
      controlB.originate(callB);
      switchB.dropConnections();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> nodeB.linksEstablished() == 2 && nodeB.isConnected());
      controlA.hangup(callA.channelUuid(), "NORMAL_CLEARING");
      controlB.hangup(callB.channelUuid(), "NORMAL_CLEARING");

      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> ended(eventsA, callA) && ended(eventsB, callB));
      assertThat(commandsNaming(switchA, callB)).isEmpty();
      assertThat(commandsNaming(switchB, callA)).isEmpty();
      assertThat(commandsNaming(switchA, callA)).isNotEmpty();
      assertThat(commandsNaming(switchB, callB)).isNotEmpty();
      assertThat(eventsA)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.header("Core-UUID")).isEqualTo(switchA.coreUuid()));
      assertThat(eventsB)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.header("Core-UUID")).isEqualTo(switchB.coreUuid()));
      assertThat(nodeA.linksEstablished()).isEqualTo(1);
    }
  }

  private static boolean ended(List<SwitchEvent> events, OriginateCommand call) {
    return events.stream()
        .anyMatch(
            e ->
                "CHANNEL_HANGUP_COMPLETE".equals(e.name())
                    && call.channelUuid().equals(e.header("Unique-ID")));
  }

  private static List<String> commandsNaming(EslSimulator simulator, OriginateCommand call) {
    return simulator.receivedCommands().stream()
        .filter(c -> c.contains(call.channelUuid()))
        .toList();
  }

  private static EslNodeSettings settings(String nodeId, EslSimulator simulator, String password) {
    return new EslNodeSettings(
        nodeId,
        simulator.host(),
        simulator.port(),
        password,
        "sofia/gateway/irisx/{to}",
        Duration.ofSeconds(2));
  }
}
