package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * uuid_kill and hupall: reply first, then the teardown events with CDR variables (captures 03, 11).
 */
class HangupSimulatorTest extends ConnectedClientTest {
  @Override
  String subscribedEvents() {
    return "CHANNEL_HANGUP CHANNEL_EXECUTE_COMPLETE CHANNEL_HANGUP_COMPLETE CHANNEL_DESTROY";
  }

  @Test
  void uuidKillRepliesBeforeTheHangupAndClearsNormallyByDefault() throws Exception {
    String uuid = answeredCall();

    EslTestClient.Frame reply = client.command("api uuid_kill " + uuid);

    assertThat(reply.text()).isEqualTo("Content-Type: api/response\nContent-Length: 4\n\n+OK\n");
    EslTestClient.Event hangup = client.awaitEvent("CHANNEL_HANGUP", uuid);
    assertThat(client.frames().indexOf(reply)).isLessThan(client.frames().indexOf(hangup.frame()));
    assertThat(hangup.header("Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
    EslTestClient.Event park = client.awaitEvent("CHANNEL_EXECUTE_COMPLETE", uuid);
    assertThat(park.header("Application")).isEqualTo("park");
    assertThat(park.header("Application-Response")).isEqualTo("_none_");
    EslTestClient.Event complete = client.awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid);
    assertThat(complete.header("variable_hangup_cause")).isEqualTo("NORMAL_CLEARING");
    assertThat(complete.header("variable_hangup_cause_q850")).isEqualTo("16");
    assertThat(complete.header("variable_duration")).matches("\\d+");
    assertThat(complete.header("variable_billsec")).matches("\\d+");
    assertThat(complete.header("variable_billmsec")).matches("\\d+");
    assertThat(Long.parseLong(complete.header("variable_answer_epoch"))).isPositive();
    assertThat(client.eventNamesFor(uuid))
        .containsExactly(
            "CHANNEL_HANGUP",
            "CHANNEL_EXECUTE_COMPLETE",
            "CHANNEL_HANGUP_COMPLETE",
            "CHANNEL_DESTROY");
    assertThat(client.api("uuid_exists " + uuid)).isEqualTo("false");
    assertThat(client.api("uuid_kill " + uuid)).isEqualTo("-ERR No such channel!\n");
  }

  @Test
  void uuidKillUsesTheGivenCause() throws Exception {
    String uuid = answeredCall();

    client.api("uuid_kill " + uuid + " CALL_REJECTED");

    assertThat(client.awaitEvent("CHANNEL_HANGUP", uuid).header("Hangup-Cause"))
        .isEqualTo("CALL_REJECTED");
    assertThat(
            client.awaitEvent("CHANNEL_HANGUP_COMPLETE", uuid).header("variable_hangup_cause_q850"))
        .isEqualTo("21");
  }

  @Test
  void hupallHangsUpEveryCallWithManagerRequestByDefault() throws Exception {
    List<String> calls = List.of(answeredCall(), answeredCall());

    assertThat(client.api("hupall"))
        .isEqualTo("+OK hangup all channels with cause MANAGER_REQUEST\n");

    for (String uuid : calls) {
      assertThat(client.awaitEvent("CHANNEL_HANGUP", uuid).header("Hangup-Cause"))
          .isEqualTo("MANAGER_REQUEST");
    }
    assertThat(simulator.liveChannels()).isEmpty();
  }

  @Test
  void killingARingingCallFailsItsOriginate() throws Exception {
    String uuid = UUID.randomUUID().toString();
    client.command("event plain BACKGROUND_JOB");
    String jobUuid =
        client
            .command(
                "bgapi originate {origination_uuid="
                    + uuid
                    + "}sofia/gateway/gw/+15550140002 &park()")
            .header("Job-UUID");
    org.awaitility.Awaitility.await()
        .atMost(EslTestClient.WAIT)
        .until(() -> "true".equals(client.api("uuid_exists " + uuid)));

    client.api("uuid_kill " + uuid + " ORIGINATOR_CANCEL");

    assertThat(client.awaitEvent(e -> jobUuid.equals(e.header("Job-UUID"))).body())
        .isEqualTo("-ERR ORIGINATOR_CANCEL\n");
  }

  private String answeredCall() throws Exception {
    String uuid = UUID.randomUUID().toString();
    assertThat(
            client.api(
                "originate {origination_uuid=" + uuid + "}sofia/gateway/gw/+15550111 &park()"))
        .isEqualTo("+OK " + uuid + "\n");
    return uuid;
  }
}
