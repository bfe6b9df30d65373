package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Far ends 0005 (early media) and 0006 (hangs up after 2 s), and scripts registered per number. */
class FarEndScriptSimulatorTest extends ConnectedClientTest {
  @Override
  SimulatorOptions options() {
    return SimulatorOptions.defaults()
        .withPort(0)
        .withRingDelay(Duration.ofMillis(20))
        .withAnswerDelay(Duration.ofMillis(200));
  }

  @Override
  String subscribedEvents() {
    return "CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER CHANNEL_PARK CHANNEL_EXECUTE CHANNEL_HANGUP "
        + "CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB DTMF";
  }

  @Test
  void earlyMediaParksTheCallAndEndsTheOriginateBeforeTheAnswerLikeCapture08() throws Exception {
    String uuid = UUID.randomUUID().toString();
    String jobUuid =
        client
            .command(
                "bgapi originate {origination_uuid="
                    + uuid
                    + "}sofia/gateway/gw/+15550140005"
                    + " &park()")
            .header("Job-UUID");

    EslTestClient.Event answer = client.awaitEvent("CHANNEL_ANSWER", uuid);

    List<String> names =
        client.events().stream()
            .filter(e -> uuid.equals(e.uuid()) || jobUuid.equals(e.header("Job-UUID")))
            .map(EslTestClient.Event::name)
            .toList();
    assertThat(names)
        .containsExactly(
            "CHANNEL_PROGRESS",
            "CHANNEL_PROGRESS_MEDIA",
            "BACKGROUND_JOB",
            "CHANNEL_EXECUTE",
            "CHANNEL_PARK",
            "CHANNEL_ANSWER");
    EslTestClient.Event media = client.awaitEvent("CHANNEL_PROGRESS_MEDIA", uuid);
    assertThat(media.header("Answer-State")).isEqualTo("early");
    assertThat(media.header("Channel-Call-State")).isEqualTo("RINGING");
    assertThat(media.header("Channel-State")).isEqualTo("CS_CONSUME_MEDIA");
    assertThat(Long.parseLong(media.header("Caller-Channel-Progress-Media-Time"))).isPositive();
    assertThat(client.awaitEvent("CHANNEL_PARK", uuid).header("Channel-Call-State"))
        .isEqualTo("EARLY");
    assertThat(answer.header("Channel-State")).isEqualTo("CS_EXECUTE");
    assertThat(answer.header("Channel-Call-State")).isEqualTo("EARLY");
    assertThat(answer.header("Answer-State")).isEqualTo("answered");
  }

  @Test
  void withIgnoreEarlyMediaTheOriginateWaitsForTheAnswer() throws Exception {
    String uuid = UUID.randomUUID().toString();

    String reply =
        client.api(
            "originate {origination_uuid="
                + uuid
                + ",ignore_early_media=true}"
                + "sofia/gateway/gw/+15550140005 &park()");

    assertThat(reply).isEqualTo("+OK " + uuid + "\n");
    client.awaitEvent("CHANNEL_PARK", uuid);
    assertThat(client.eventNamesFor(uuid))
        .containsExactly(
            "CHANNEL_PROGRESS",
            "CHANNEL_PROGRESS_MEDIA",
            "CHANNEL_ANSWER",
            "CHANNEL_EXECUTE",
            "CHANNEL_PARK");
  }

  @Test
  void farEnd0006AnswersThenHangsUpAfterTwoSeconds() throws Exception {
    String uuid = UUID.randomUUID().toString();
    client.api("originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550140006 &park()");
    long answeredAt = System.nanoTime();

    EslTestClient.Event hangup = client.awaitEvent("CHANNEL_HANGUP", uuid);

    assertThat((System.nanoTime() - answeredAt) / 1_000_000).isBetween(1_800L, 3_000L);
    assertThat(hangup.header("Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
    assertThat(hangup.header("variable_sip_hangup_disposition")).isEqualTo("recv_bye");
    assertThat(client.awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid).header("variable_billsec"))
        .isIn("1", "2");
  }

  @Test
  void aRegisteredScriptAnswersPressesDigitsAndHangsUp() throws Exception {
    simulator.script(
        "+15557654321",
        FarEndScript.answersAfter(Duration.ofMillis(30))
            .pressing("12", Duration.ofMillis(50))
            .pressing("#", Duration.ofMillis(100))
            .hangingUpAfter(Duration.ofMillis(250)));
    String uuid = UUID.randomUUID().toString();

    assertThat(
            client.api(
                "originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15557654321 &park()"))
        .isEqualTo("+OK " + uuid + "\n");

    client.awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid);
    assertThat(
            client.events().stream()
                .filter(e -> "DTMF".equals(e.name()))
                .map(e -> e.header("DTMF-Digit")))
        .containsExactly("1", "2", "#");
    assertThat(client.eventNamesFor(uuid))
        .containsSubsequence(
            "CHANNEL_ANSWER", "CHANNEL_PARK", "DTMF", "DTMF", "DTMF", "CHANNEL_HANGUP");
    assertThat(client.awaitEvent("CHANNEL_HANGUP", uuid).header("variable_sip_hangup_disposition"))
        .isEqualTo("recv_bye");
  }

  @Test
  void aRegisteredRefusalFailsTheOriginateWithItsCauseAndSipStatus() throws Exception {
    simulator.script("+15557654322", FarEndScript.refuses("NORMAL_TEMPORARY_FAILURE"));
    String uuid = UUID.randomUUID().toString();

    assertThat(
            client.api(
                "originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15557654322 &park()"))
        .isEqualTo("-ERR NORMAL_TEMPORARY_FAILURE\n");

    EslTestClient.Event hangup = client.awaitEvent("CHANNEL_HANGUP", uuid);
    assertThat(hangup.header("variable_sip_term_status")).isEqualTo("503");
    assertThat(hangup.header("variable_sip_invite_failure_phrase"))
        .isEqualTo("Service Unavailable");
    assertThat(hangup.header("variable_sip_hangup_disposition")).isEqualTo("recv_refuse");
  }

  @Test
  void aScriptWinsOverTheBuiltInSuffix() throws Exception {
    simulator.script("+15550140001", FarEndScript.answers());
    String uuid = UUID.randomUUID().toString();

    assertThat(
            client.api(
                "originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550140001 &park()"))
        .isEqualTo("+OK " + uuid + "\n");
  }
}
