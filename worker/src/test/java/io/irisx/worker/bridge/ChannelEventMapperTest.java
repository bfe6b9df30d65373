package io.irisx.worker.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.activities.esl.SwitchEvent;
import io.irisx.workflows.call.ChannelEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A BACKGROUND_JOB races its channel's events (it may come before CHANNEL_CREATE or after the
 * hangup) and its Job-UUID is the switch's, not ours: the bridge finds the call through the
 * irisx_call_id inside Job-Command-Arg, so the job result reaches the right call in any order.
 */
class ChannelEventMapperTest {
  private static final String CORE = "6d2375b0-5183-11e1-b24a-bd4bfd1b8f6e";

  private final ChannelEventMapper mapper = new ChannelEventMapper();
  private final String callA = UUID.randomUUID().toString();
  private final String channelA = UUID.randomUUID().toString();
  private final String callB = UUID.randomUUID().toString();
  private final String channelB = UUID.randomUUID().toString();

  @Test
  void aJobResultBeforeTheChannelEventsReachesItsCall() {
    List<ChannelEventMapper.CallSignal> signals =
        map(
            job(callA, channelA, "+OK " + channelA),
            channelEvent("CHANNEL_ANSWER", callA, channelA),
            job(callB, channelB, "-ERR USER_BUSY"));

    assertThat(signals)
        .extracting(ChannelEventMapper.CallSignal::callId)
        .containsExactly(callA, callA, callB);
    assertThat(signals.get(0).event().type()).isEqualTo(ChannelEvent.BACKGROUND_JOB);
    assertThat(signals.get(0).event().jobResult()).isEqualTo("+OK " + channelA);
    assertThat(signals.get(2).event().jobResult()).isEqualTo("-ERR USER_BUSY");
  }

  @Test
  void aJobResultAfterTheHangupStillReachesItsCallAndNotAnother() {
    List<ChannelEventMapper.CallSignal> signals =
        map(
            channelEvent("CHANNEL_ANSWER", callB, channelB),
            channelEvent("CHANNEL_HANGUP", callA, channelA),
            channelEvent("CHANNEL_HANGUP_COMPLETE", callA, channelA),
            job(callA, channelA, "-ERR NORMAL_CLEARING"));

    assertThat(signals)
        .extracting(ChannelEventMapper.CallSignal::callId)
        .containsExactly(callB, callA, callA, callA);
    assertThat(signals.get(3).event().type()).isEqualTo(ChannelEvent.BACKGROUND_JOB);
    assertThat(signals.get(3).event().jobResult()).isEqualTo("-ERR NORMAL_CLEARING");
  }

  @Test
  void theJobUuidPlaysNoPartOnlyTheCallIdInTheOriginateArguments() {
    SwitchEvent namedByAnotherCallsChannel =
        event(
            "BACKGROUND_JOB",
            Map.of(
                "Job-UUID",
                channelB,
                "Job-Command",
                "originate",
                "Job-Command-Arg",
                "{origination_uuid="
                    + channelA
                    + ",irisx_call_id="
                    + callA
                    + "}sofia/gateway/x/+15550111 &park()"),
            "+OK " + channelA);
    SwitchEvent otherJob =
        event(
            "BACKGROUND_JOB",
            Map.of("Job-UUID", UUID.randomUUID().toString(), "Job-Command", "status"),
            "UP");
    SwitchEvent noCallId =
        event(
            "BACKGROUND_JOB",
            Map.of(
                "Job-Command",
                "originate",
                "Job-Command-Arg",
                "{origination_uuid=" + channelA + "}x &park()"),
            "+OK");

    assertThat(mapper.map(namedByAnotherCallsChannel))
        .map(ChannelEventMapper.CallSignal::callId)
        .contains(callA);
    assertThat(mapper.map(otherJob)).isEmpty();
    assertThat(mapper.map(noCallId)).isEmpty();
  }

  @Test
  void aJobNamesTheLegItOriginatedSoADialsSecondLegIsToldFromTheCall() {
    String secondLeg = UUID.randomUUID().toString();
    List<ChannelEventMapper.CallSignal> signals =
        map(job(callA, channelA, "+OK " + channelA), job(callA, secondLeg, "-ERR USER_BUSY"));

    assertThat(signals)
        .extracting(ChannelEventMapper.CallSignal::callId)
        .containsExactly(callA, callA);
    assertThat(signals)
        .extracting(signal -> signal.event().channelUuid())
        .containsExactly(channelA, secondLeg);
  }

  @Test
  void aReconciledHangupEndsItsCallWithItsCause() {
    SwitchEvent synthetic =
        event(
            "CHANNEL_HANGUP_COMPLETE",
            Map.of(
                "Unique-ID", channelA,
                "Core-UUID", CORE,
                "Hangup-Cause", "NORMAL_TEMPORARY_FAILURE",
                "X-IRISX-Synthetic", "reconciled",
                "variable_irisx_call_id", callA),
            null);

    ChannelEvent event = mapper.map(synthetic).orElseThrow().event();
    assertThat(event.type()).isEqualTo(ChannelEvent.CHANNEL_HANGUP_COMPLETE);
    assertThat(event.channelUuid()).isEqualTo(channelA);
    assertThat(event.hangupCause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
  }

  @Test
  void dtmfWithoutChannelVariablesReachesTheCallItsChannelBelongsTo() {
    SwitchEvent dtmfOnA = event("DTMF", Map.of("Unique-ID", channelA, "DTMF-Digit", "1"), null);
    List<ChannelEventMapper.CallSignal> signals =
        map(
            channelEvent("CHANNEL_ANSWER", callA, channelA),
            channelEvent("CHANNEL_ANSWER", callB, channelB),
            dtmfOnA,
            channelEvent("CHANNEL_DESTROY", callA, channelA),
            dtmfOnA);

    assertThat(signals)
        .extracting(ChannelEventMapper.CallSignal::callId)
        .containsExactly(callA, callB, callA);
    assertThat(signals.get(2).event().dtmfDigit()).isEqualTo("1");
  }

  private List<ChannelEventMapper.CallSignal> map(SwitchEvent... events) {
    return Stream.of(events).map(mapper::map).flatMap(Optional::stream).toList();
  }

  private static SwitchEvent job(String callId, String channelUuid, String result) {
    return event(
        "BACKGROUND_JOB",
        Map.of(
            "Core-UUID",
            CORE,
            "Job-UUID",
            UUID.randomUUID().toString(),
            "Job-Command",
            "originate",
            "Job-Command-Arg",
            "{origination_uuid="
                + channelUuid
                + ",irisx_call_id="
                + callId
                + ",origination_caller_id_number=+15550100,originate_timeout=30}sofia/gateway/x/+15550111 &park()"),
        result);
  }

  private static SwitchEvent channelEvent(String name, String callId, String channelUuid) {
    return event(
        name,
        Map.of("Core-UUID", CORE, "Unique-ID", channelUuid, "variable_irisx_call_id", callId),
        null);
  }

  /** Headers as capture 09-inbound-call shows them: the dialplan parked a call to 15550199. */
  private static Map<String, String> inboundPark(String channel) {
    return Map.of(
        "Unique-ID", channel,
        "Call-Direction", "inbound",
        "Answer-State", "ringing",
        "Caller-Caller-ID-Number", "15557770001",
        "Caller-Destination-Number", "15550199",
        "Event-Date-Timestamp", "1795527738128329");
  }

  @Test
  void anInboundParkWithoutACallIdIsACallToRoute() {
    assertThat(mapper.parkedInbound(event("CHANNEL_PARK", inboundPark(channelA), null)))
        .contains(
            new io.irisx.worker.inbound.ParkedCall(
                channelA, "15557770001", "15550199", 1795527738128329L));
    assertThat(mapper.map(event("CHANNEL_PARK", inboundPark(channelA), null))).isEmpty();
  }

  @Test
  void aParkOfAChannelAlreadyTakenOrDialledOutIsNoNewCall() {
    Map<String, String> taken = new LinkedHashMap<>(inboundPark(channelA));
    taken.put("variable_irisx_call_id", callA);
    Map<String, String> outbound = new LinkedHashMap<>(inboundPark(channelB));
    outbound.put("Call-Direction", "outbound");

    assertThat(mapper.parkedInbound(event("CHANNEL_PARK", taken, null))).isEmpty();
    assertThat(mapper.parkedInbound(event("CHANNEL_PARK", outbound, null))).isEmpty();
    assertThat(mapper.parkedInbound(event("CHANNEL_CREATE", inboundPark(channelA), null)))
        .isEmpty();
  }

  @Test
  void aCallerWithoutCallerIdIsAnonymous() {
    Map<String, String> withheld = new LinkedHashMap<>(inboundPark(channelA));
    withheld.remove("Caller-Caller-ID-Number");
    assertThat(mapper.parkedInbound(event("CHANNEL_PARK", withheld, null)))
        .hasValueSatisfying(parked -> assertThat(parked.caller()).isEqualTo("anonymous"));
  }

  @Test
  void aChannelWhoseStepsOwnItsEventsSignalsItsRingingItsHangupOnceAndWhatNoStepTook() {
    Map<String, String> owned = new LinkedHashMap<>();
    owned.put("Core-UUID", CORE);
    owned.put("Unique-ID", channelA);
    owned.put("variable_irisx_call_id", callA);
    owned.put("variable_irisx_steps", "1");
    // DTMF carries no channel variables: the channel is remembered from its earlier events.
    Map<String, String> key = Map.of("Core-UUID", CORE, "Unique-ID", channelA, "DTMF-Digit", "5");

    List<String> signalled =
        Stream.of(
                // The dial step takes the progress events; the first still tells the call it rings.
                mapper.map(event("CHANNEL_PROGRESS", owned, null), true),
                mapper.map(event("CHANNEL_PROGRESS_MEDIA", owned, null), true),
                mapper.map(event("CHANNEL_ANSWER", owned, null), true),
                // The flow's prompt, which its step took; then a live play's, which no step took.
                mapper.map(event("PLAYBACK_STOP", owned, null), true),
                mapper.map(event("PLAYBACK_STOP", owned, null), false),
                mapper.map(event("DTMF", key, null), true),
                mapper.map(event("CHANNEL_HANGUP", owned, null), false),
                mapper.map(event("CHANNEL_HANGUP_COMPLETE", owned, null), false))
            .flatMap(Optional::stream)
            .map(signal -> signal.event().type())
            .toList();

    assertThat(signalled)
        .containsExactly(
            ChannelEvent.CHANNEL_PROGRESS,
            ChannelEvent.PLAYBACK_STOP,
            ChannelEvent.CHANNEL_HANGUP_COMPLETE);
  }

  private static SwitchEvent event(String name, Map<String, String> headers, String body) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Event-Name", name);
    all.putAll(headers);
    return new SwitchEvent(name, all, body);
  }
}
