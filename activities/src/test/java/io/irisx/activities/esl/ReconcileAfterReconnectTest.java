package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import io.irisx.workflows.call.OriginateCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A channel that ends while the link is down never sends its hangup to us; after the reconnect the
 * link asks the switch and ends it with a synthetic hangup naming its call, while channels still up
 * carry on untouched.
 */
class ReconcileAfterReconnectTest {
  private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
  private final List<LinkReconciliation> reconciliations = new CopyOnWriteArrayList<>();

  @Test
  void aChannelThatVanishedDuringTheGapEndsWithASyntheticHangupAndTheOthersCarryOn() {
    try (EslSimulator simulator =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("pw"));
        EslConnection esl =
            EslConnection.connect(
                EslLinkSupervisionTest.settings(simulator, "pw"),
                EslLinkPolicy.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new Recorder())) {
      CallControlActivitiesImpl control =
          new CallControlActivitiesImpl(esl, new EslCommandBuilder(esl.settings()));
      OriginateCommand gone = command("+15550111");
      OriginateCommand stays = command("+15550122");
      control.originate(gone);
      control.originate(stays);
      awaitEvent("CHANNEL_ANSWER", gone.channelUuid());
      awaitEvent("CHANNEL_ANSWER", stays.channelUuid());

      simulator.dropConnections();
      // While our link waits out its backoff, the far end hangs up: nobody is there to hear it.
      await().atMost(Duration.ofMillis(500)).until(() -> !esl.isConnected());
      long hungUpAtMicros = System.currentTimeMillis() * 1000;
      simulator.hangUpFarEnd(gone.channelUuid(), "NORMAL_CLEARING");

      SwitchEvent synthetic = awaitEvent("CHANNEL_HANGUP_COMPLETE", gone.channelUuid());
      long reconciledAtMicros = System.currentTimeMillis() * 1000;
      // It ends when it was last known up (the link's last frame before the cut), not when the
      // reconnect noticed it a backoff later.
      long endedAtMicros = Long.parseLong(synthetic.header("Event-Date-Timestamp"));
      assertThat(endedAtMicros).isLessThanOrEqualTo(hungUpAtMicros);
      assertThat(reconciledAtMicros - endedAtMicros).isGreaterThan(500_000);
      assertThat(synthetic.header("variable_sip_hangup_disposition"))
          .isEqualTo(EslConnection.RECONCILED_DISPOSITION);
      assertThat(synthetic.header(EslConnection.SYNTHETIC_HEADER)).isEqualTo("reconciled");
      assertThat(synthetic.header("Hangup-Cause")).isEqualTo("NORMAL_TEMPORARY_FAILURE");
      assertThat(synthetic.header("variable_irisx_call_id")).isEqualTo(gone.callId());

      LinkReconciliation reconciliation =
          await()
              .atMost(Duration.ofSeconds(5))
              .until(() -> reconciliations.stream().findFirst(), Optional::isPresent)
              .orElseThrow();
      assertThat(reconciliation.believedAlive())
          .containsEntry(gone.channelUuid(), gone.callId())
          .containsEntry(stays.channelUuid(), stays.callId());
      assertThat(reconciliation.vanished()).containsExactly(gone.channelUuid());
      assertThat(reconciliation.stillAlive()).containsExactly(stays.channelUuid());

      control.hangup(stays.channelUuid(), "NORMAL_CLEARING");
      SwitchEvent real = awaitEvent("CHANNEL_HANGUP_COMPLETE", stays.channelUuid());
      assertThat(real.header(EslConnection.SYNTHETIC_HEADER)).isNull();
      assertThat(real.header("Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
      assertThat(events)
          .filteredOn(
              e ->
                  "CHANNEL_HANGUP_COMPLETE".equals(e.name())
                      && gone.channelUuid().equals(e.header("Unique-ID")))
          .hasSize(1);
    }
  }

  @Test
  void afterTheSwitchRestartsEveryCallItHadEndsWithASyntheticHangup() {
    try (EslSimulator simulator =
            EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("pw"));
        EslConnection esl =
            EslConnection.connect(
                EslLinkSupervisionTest.settings(simulator, "pw"),
                EslLinkPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                new Recorder())) {
      CallControlActivitiesImpl control =
          new CallControlActivitiesImpl(esl, new EslCommandBuilder(esl.settings()));
      OriginateCommand first = command("+15550111");
      OriginateCommand second = command("+15550122");
      control.originate(first);
      control.originate(second);
      awaitEvent("CHANNEL_ANSWER", first.channelUuid());
      awaitEvent("CHANNEL_ANSWER", second.channelUuid());

      simulator.restart();

      for (OriginateCommand call : List.of(first, second)) {
        SwitchEvent synthetic = awaitEvent("CHANNEL_HANGUP_COMPLETE", call.channelUuid());
        assertThat(synthetic.header(EslConnection.SYNTHETIC_HEADER)).isEqualTo("reconciled");
        assertThat(synthetic.header("Hangup-Cause")).isEqualTo("NORMAL_TEMPORARY_FAILURE");
        assertThat(synthetic.header("variable_irisx_call_id")).isEqualTo(call.callId());
      }
      LinkReconciliation reconciliation =
          await()
              .atMost(Duration.ofSeconds(5))
              .until(() -> reconciliations.stream().findFirst(), Optional::isPresent)
              .orElseThrow();
      assertThat(reconciliation.vanished())
          .containsExactlyInAnyOrder(first.channelUuid(), second.channelUuid());
      assertThat(reconciliation.stillAlive()).isEmpty();
    }
  }

  private final class Recorder implements SwitchEventListener {
    @Override
    public void onEvent(SwitchEvent event) {
      events.add(event);
    }

    @Override
    public void onLinkRestored(LinkReconciliation reconciliation) {
      reconciliations.add(reconciliation);
    }
  }

  private SwitchEvent awaitEvent(String name, String channelUuid) {
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                events.stream()
                    .filter(e -> name.equals(e.name()) && channelUuid.equals(e.header("Unique-ID")))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  static OriginateCommand command(String to) {
    return new OriginateCommand(
        UUID.randomUUID().toString(), UUID.randomUUID().toString(), "+15550100", to, 5);
  }
}
