package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.irisx.activities.esl.simulator.EslSimulator;
import io.irisx.activities.esl.simulator.SimulatorOptions;
import io.irisx.workflows.call.ChannelSnapshot;
import io.irisx.workflows.call.OriginateCommand;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The call-control activities and the event link, through the real freeswitch-esl client over TCP
 * against the ESL simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallControlOverSimulatorTest {
  private static final Duration PLAYBACK = Duration.ofMillis(600);

  private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
  private EslSimulator simulator;
  private EslConnection esl;
  private CallControlActivitiesImpl control;

  @BeforeAll
  void start() {
    simulator =
        EslSimulator.start(
            SimulatorOptions.defaults()
                .withPort(0)
                .withPassword("s3cret")
                .withDefaultPlayback(PLAYBACK));
    EslNodeSettings settings =
        new EslNodeSettings(
            "node-test",
            simulator.host(),
            simulator.port(),
            "s3cret",
            "sofia/gateway/irisx/{to}",
            Duration.ofSeconds(3));
    esl = EslConnection.connect(settings, events::add);
    control = new CallControlActivitiesImpl(esl, new EslCommandBuilder(settings));
  }

  @AfterAll
  void stop() {
    esl.close();
    simulator.close();
  }

  @Test
  void anAnsweredCallPlaysAndHangsUpWithEveryEventNamingItsCall() {
    OriginateCommand call = command("+15550111");

    control.originate(call);
    SwitchEvent answer = awaitEvent("CHANNEL_ANSWER", call.channelUuid());
    assertThat(answer.header("variable_irisx_call_id")).isEqualTo(call.callId());
    assertThat(answer.header("Caller-Caller-ID-Number")).isEqualTo("+15550100");

    control.play(call.channelUuid(), "ivr/ivr-welcome.wav");
    awaitEvent("PLAYBACK_START", call.channelUuid());
    ChannelSnapshot playing = control.inspect(call.channelUuid());
    assertThat(playing.exists()).isTrue();
    assertThat(playing.answered()).isTrue();
    assertThat(playing.application()).isEqualTo("playback");
    assertThat(awaitEvent("PLAYBACK_STOP", call.channelUuid()).header("Playback-File-Path"))
        .endsWith("ivr-welcome.wav");

    control.hangup(call.channelUuid(), "NORMAL_CLEARING");
    assertThat(awaitEvent("CHANNEL_HANGUP", call.channelUuid()).header("Hangup-Cause"))
        .isEqualTo("NORMAL_CLEARING");
    control.hangup(
        call.channelUuid(), "NORMAL_CLEARING"); // a retried hangup of a gone channel is fine
    assertThat(control.inspect(call.channelUuid())).isEqualTo(ChannelSnapshot.gone());
  }

  @Test
  void anInboundCallIsParkedThenTaggedAnsweredAndFollowedByItsCallId() {
    String channel = simulator.placeInboundCall("+15557770001", "+15550199");
    SwitchEvent park = awaitEvent("CHANNEL_PARK", channel);
    assertThat(park.header("Call-Direction")).isEqualTo("inbound");
    assertThat(park.header("Caller-Destination-Number")).isEqualTo("+15550199");
    assertThat(park.header("variable_irisx_call_id")).isNull();

    String callId = UUID.randomUUID().toString();
    EslCommand tag = new EslCommandBuilder(esl.settings()).tagWithCallId(channel, callId);
    assertThat(esl.api(tag.command(), tag.args()).isError()).isFalse();
    control.answer(channel);

    SwitchEvent answer = awaitEvent("CHANNEL_ANSWER", channel);
    assertThat(answer.header("variable_irisx_call_id")).isEqualTo(callId);
    assertThat(control.inspect(channel).answered()).isTrue();
    control.answer(channel); // answering twice is harmless
    control.hangup(channel, "NORMAL_CLEARING");
    awaitEvent("CHANNEL_HANGUP_COMPLETE", channel);
    control.answer(channel); // and so is answering a channel that is gone
  }

  @Test
  void aRetriedOriginateDoesNotDialTwice() {
    OriginateCommand call = command("+15550122");

    control.originate(call);
    awaitEvent("CHANNEL_ANSWER", call.channelUuid());
    control.originate(call);

    assertThat(originatesOf(call)).hasSize(1);
    control.hangup(call.channelUuid(), "NORMAL_CLEARING");
    awaitEvent("CHANNEL_HANGUP_COMPLETE", call.channelUuid());
  }

  @Test
  void aBusyNumberReportsItsCauseInTheJobResultAndTheHangup() {
    OriginateCommand call = command("+15550140001");

    control.originate(call);

    SwitchEvent job =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    events.stream()
                        .filter(e -> "BACKGROUND_JOB".equals(e.name()))
                        .filter(
                            e ->
                                Objects.toString(e.header("Job-Command-Arg"), "")
                                    .contains(call.channelUuid()))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(job.body()).startsWith("-ERR USER_BUSY");
    assertThat(awaitEvent("CHANNEL_HANGUP", call.channelUuid()).header("Hangup-Cause"))
        .isEqualTo("USER_BUSY");
  }

  @Test
  void playingToAChannelThatIsGoneIsNotAFailure() {
    String gone = UUID.randomUUID().toString();

    control.play(gone, "ivr/ivr-welcome.wav");

    assertThat(simulator.receivedCommands())
        .anyMatch(c -> c.startsWith("api uuid_broadcast " + gone));
  }

  @Test
  void injectionAttemptsAreRefusedBeforeAnythingIsSent() {
    int sentBefore = simulator.receivedCommands().size();
    OriginateCommand hostile =
        new OriginateCommand(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            "+15550100",
            "+15550111 &bridge(sofia/x)",
            30);

    assertThatThrownBy(() -> control.originate(hostile))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getType()).isEqualTo(CallControlActivitiesImpl.UNSAFE_COMMAND);
            });
    assertThatThrownBy(() -> control.play(UUID.randomUUID().toString(), "x.wav\n\napi hupall"))
        .isInstanceOf(ApplicationFailure.class);
    assertThatThrownBy(() -> control.hangup("x\n\napi hupall", "NORMAL_CLEARING"))
        .isInstanceOf(ApplicationFailure.class);

    assertThat(simulator.receivedCommands()).hasSize(sentBefore);
  }

  @Test
  void theLinkComesBackAfterTheSwitchDropsIt() {
    simulator.dropConnections();
    await().atMost(Duration.ofSeconds(10)).until(() -> !esl.isConnected() || reconnected());
    await().atMost(Duration.ofSeconds(10)).until(this::reconnected);

    OriginateCommand call = command("+15550133");
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(() -> control.originate(call));
    awaitEvent("CHANNEL_ANSWER", call.channelUuid());
    control.hangup(call.channelUuid(), "NORMAL_CLEARING");
  }

  private boolean reconnected() {
    if (!esl.isConnected()) {
      return false;
    }
    try {
      return !esl.api("status", "").isError();
    } catch (SwitchUnavailableException e) {
      return false;
    }
  }

  private List<String> originatesOf(OriginateCommand call) {
    return simulator.receivedCommands().stream()
        .filter(c -> c.contains("originate") && c.contains(call.channelUuid()))
        .toList();
  }

  private SwitchEvent awaitEvent(String name, String channelUuid) {
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                events.stream()
                    .filter(e -> name.equals(e.name()) && channelUuid.equals(e.header("Unique-ID")))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static OriginateCommand command(String to) {
    return new OriginateCommand(
        UUID.randomUUID().toString(), UUID.randomUUID().toString(), "+15550100", to, 5);
  }
}
