package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The last four dialled digits script the far end; failures look like captures 04 to 07. */
class ScriptedFarEndSimulatorTest extends ConnectedClientTest {
  @Override
  String subscribedEvents() {
    return "CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB";
  }

  @ParameterizedTest
  @CsvSource({
    "+15550140001,USER_BUSY,486,17",
    "+15550140003,CALL_REJECTED,603,21",
    "+15550140004,UNALLOCATED_NUMBER,404,1"
  })
  void aRefusingFarEndFailsTheOriginateWithItsCause(
      String number, String cause, String sip, String q850) throws Exception {
    String uuid = UUID.randomUUID().toString();

    String reply =
        client.api(
            "originate {origination_uuid="
                + uuid
                + ",irisx_call_id=irx-04}sofia/gateway/gw/"
                + number
                + " &park()");

    assertThat(reply).isEqualTo("-ERR " + cause + "\n");
    EslTestClient.Event hangup = client.awaitEvent("CHANNEL_HANGUP", uuid);
    assertThat(hangup.header("Hangup-Cause")).isEqualTo(cause);
    assertThat(hangup.header("Answer-State")).isEqualTo("hangup");
    assertThat(hangup.header("variable_sip_term_status")).isEqualTo(sip);
    assertThat(hangup.header("variable_billsec"))
        .as("CDR variables come only with HANGUP_COMPLETE")
        .isNull();
    EslTestClient.Event complete = client.awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid);
    assertThat(complete.all("Hangup-Cause")).containsExactly(cause, cause);
    assertThat(complete.headers().get(13)).containsExactly("Hangup-Cause", cause);
    assertThat(complete.header("Channel-State")).isEqualTo("CS_REPORTING");
    assertThat(complete.header("variable_hangup_cause_q850")).isEqualTo(q850);
    assertThat(complete.header("variable_billsec")).isEqualTo("0");
    assertThat(complete.header("variable_irisx_call_id")).isEqualTo("irx-04");
    assertThat(client.eventNamesFor(uuid))
        .containsExactly("CHANNEL_CREATE", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE");
    assertThat(simulator.liveChannels()).isEmpty();
  }

  @Test
  void viaBgapiTheJobResultFollowsTheTeardown() throws Exception {
    String uuid = UUID.randomUUID().toString();
    String jobUuid =
        client
            .command(
                "bgapi originate {origination_uuid="
                    + uuid
                    + "}sofia/gateway/gw/+15550140001 &park()")
            .header("Job-UUID");

    EslTestClient.Event job = client.awaitEvent(e -> jobUuid.equals(e.header("Job-UUID")));

    assertThat(job.body()).isEqualTo("-ERR USER_BUSY\n");
    assertThat(job.header("Unique-ID")).as("jobs carry no channel data").isNull();
    assertThat(client.events().indexOf(job))
        .isGreaterThan(client.events().indexOf(client.awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid)));
  }

  @Test
  void aFarEndThatOnlyRingsTimesOutWithNoAnswer() throws Exception {
    String uuid = UUID.randomUUID().toString();
    long started = System.nanoTime();

    String reply =
        client.api(
            "originate {origination_uuid="
                + uuid
                + ",originate_timeout=1}sofia/gateway/gw/"
                + "+15550140002 &park()");

    assertThat(reply).isEqualTo("-ERR NO_ANSWER\n");
    // The switch gives up within the last second of the timeout (captures 07 and 19).
    assertThat((System.nanoTime() - started) / 1_000_000).isBetween(0L, 1000L);
    EslTestClient.Event hangup = client.awaitEvent("CHANNEL_HANGUP", uuid);
    assertThat(hangup.header("Hangup-Cause")).isEqualTo("NO_ANSWER");
    assertThat(hangup.header("Channel-Call-State")).isEqualTo("RINGING");
    assertThat(client.eventNamesFor(uuid))
        .containsExactly(
            "CHANNEL_CREATE", "CHANNEL_PROGRESS", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE");
  }
}
