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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A dial's second leg over the real ESL client against the simulator: originated parked with the
 * call's id, bridged with uuid_bridge, and, because the call is park_after_bridge, the call parks
 * again when the other party hangs up, while the other party is hung up when the caller does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialBridgeOverSimulatorTest {
  private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
  private EslSimulator simulator;
  private EslConnection esl;
  private CallControlActivitiesImpl control;
  private DialActivitiesImpl dialing;

  @BeforeAll
  void start() {
    simulator = EslSimulator.start(SimulatorOptions.defaults().withPort(0).withPassword("s3cret"));
    EslNodeSettings settings =
        new EslNodeSettings(
            "node-test",
            simulator.host(),
            simulator.port(),
            "s3cret",
            "sofia/gateway/irisx/{to}",
            Duration.ofSeconds(3));
    esl = EslConnection.connect(settings, events::add);
    EslCommandBuilder commands = new EslCommandBuilder(settings);
    control = new CallControlActivitiesImpl(esl, commands);
    dialing = new DialActivitiesImpl(esl, commands);
  }

  @AfterAll
  void stop() {
    esl.close();
    simulator.close();
  }

  @Test
  void whenTheOtherPartyHangsUpTheCallParksAgainAndStaysUp() {
    OriginateCommand call = answeredCall("+15550111");
    OriginateCommand other = secondLeg(call, "+15550222");

    dialing.bridge(call.channelUuid(), other.channelUuid());
    SwitchEvent bridged = awaitEvent("CHANNEL_BRIDGE", call.channelUuid());
    assertThat(bridged.header("Other-Leg-Unique-ID")).isEqualTo(other.channelUuid());
    dialing.bridge(call.channelUuid(), other.channelUuid()); // a retry sends nothing
    assertThat(simulator.receivedCommands().stream().filter(c -> c.contains("uuid_bridge")))
        .hasSize(1);

    simulator.hangUpFarEnd(other.channelUuid(), "NORMAL_CLEARING");

    awaitEvent("CHANNEL_UNBRIDGE", call.channelUuid());
    SwitchEvent hangup = awaitEvent("CHANNEL_HANGUP", other.channelUuid());
    assertThat(hangup.header("variable_irisx_call_id")).isEqualTo(call.callId());
    awaitEvent("CHANNEL_PARK", call.channelUuid(), 2);
    assertThat(control.inspect(call.channelUuid()).exists()).isTrue();
    control.hangup(call.channelUuid(), "NORMAL_CLEARING");
  }

  @Test
  void whenTheCallerHangsUpTheOtherPartyIsHungUpToo() {
    OriginateCommand call = answeredCall("+15550112");
    OriginateCommand other = secondLeg(call, "+15550223");
    dialing.bridge(call.channelUuid(), other.channelUuid());
    awaitEvent("CHANNEL_BRIDGE", call.channelUuid());

    simulator.hangUpFarEnd(call.channelUuid(), "NORMAL_CLEARING");

    assertThat(awaitEvent("CHANNEL_HANGUP", other.channelUuid()).header("Hangup-Cause"))
        .isEqualTo("NORMAL_CLEARING");
  }

  @Test
  void bridgingToALegAlreadyGoneIsNoError() {
    OriginateCommand call = answeredCall("+15550113");
    OriginateCommand other = secondLeg(call, "+15550224");
    control.hangup(other.channelUuid(), "NORMAL_CLEARING");
    awaitEvent("CHANNEL_HANGUP_COMPLETE", other.channelUuid());

    dialing.bridge(call.channelUuid(), other.channelUuid());

    assertThat(control.inspect(call.channelUuid()).exists()).isTrue();
    control.hangup(call.channelUuid(), "NORMAL_CLEARING");
  }

  private OriginateCommand answeredCall(String to) {
    OriginateCommand call =
        new OriginateCommand(
            UUID.randomUUID().toString(), UUID.randomUUID().toString(), "+15550100", to, 5);
    control.originate(call);
    awaitEvent("CHANNEL_ANSWER", call.channelUuid());
    return call;
  }

  /**
   * The second leg as the dialer originates it: the same call id, its own uuid, parked on answer.
   */
  private OriginateCommand secondLeg(OriginateCommand call, String to) {
    OriginateCommand other =
        new OriginateCommand(call.callId(), UUID.randomUUID().toString(), "+15550100", to, 5);
    control.originate(other);
    SwitchEvent answer = awaitEvent("CHANNEL_ANSWER", other.channelUuid());
    assertThat(answer.header("variable_irisx_call_id")).isEqualTo(call.callId());
    awaitEvent("CHANNEL_PARK", other.channelUuid());
    return other;
  }

  private SwitchEvent awaitEvent(String name, String channelUuid) {
    return awaitEvent(name, channelUuid, 1);
  }

  private SwitchEvent awaitEvent(String name, String channelUuid, int nth) {
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                events.stream()
                    .filter(e -> name.equals(e.name()) && channelUuid.equals(e.header("Unique-ID")))
                    .skip(nth - 1)
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
