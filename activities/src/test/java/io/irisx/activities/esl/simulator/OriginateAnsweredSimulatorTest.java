package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An originate the far end answers: the outbound-leg event sequence and its headers (capture 03).
 */
class OriginateAnsweredSimulatorTest extends ConnectedClientTest {
  @Override
  String subscribedEvents() {
    return "ALL";
  }

  @Test
  void anAnsweredCallGoesThroughCreateProgressAnswerAndPark() throws Exception {
    String uuid = UUID.randomUUID().toString();
    String jobUuid =
        client
            .command(
                "bgapi originate {origination_uuid="
                    + uuid
                    + ",irisx_call_id=irx-0003,origination_caller_id_number=+15550100,originate_timeout=10}"
                    + "sofia/gateway/irisx/+15550111 &park()")
            .header("Job-UUID");

    client.awaitEvent("CHANNEL_PARK", uuid);
    List<String> names =
        client.events().stream()
            .filter(e -> uuid.equals(e.uuid()) || jobUuid.equals(e.header("Job-UUID")))
            .map(EslTestClient.Event::name)
            .filter(n -> !n.equals("CHANNEL_STATE") && !n.equals("CHANNEL_CALLSTATE"))
            .toList();
    assertThat(names)
        .containsExactly(
            "CHANNEL_OUTGOING",
            "CHANNEL_CREATE",
            "CHANNEL_ORIGINATE",
            "CHANNEL_PROGRESS",
            "CHANNEL_ANSWER",
            "BACKGROUND_JOB",
            "CHANNEL_EXECUTE",
            "CHANNEL_PARK");
  }

  @Test
  void channelEventsCarryCoreHeadersStatesAndEveryVariable() throws Exception {
    String uuid = UUID.randomUUID().toString();
    client.api(
        "originate {origination_uuid="
            + uuid
            + ",irisx_call_id=irx-42,origination_caller_id_number=+15550100}"
            + "sofia/gateway/irisx/+15550111 &park()");

    EslTestClient.Event create = client.awaitEvent("CHANNEL_CREATE", uuid);
    assertThat(create.headers().get(0)).containsExactly("Event-Name", "CHANNEL_CREATE");
    assertThat(create.header("Core-UUID")).isEqualTo(simulator.coreUuid());
    assertThat(create.header("Event-Date-Timestamp")).matches("\\d{16}");
    assertThat(create.header("Channel-State")).isEqualTo("CS_INIT");
    assertThat(create.header("Channel-Call-State")).isEqualTo("DOWN");
    assertThat(create.header("Answer-State")).isEqualTo("ringing");
    assertThat(create.header("Call-Direction")).isEqualTo("outbound");
    assertThat(create.header("Channel-Name")).isEqualTo("sofia/gateway/irisx/+15550111");
    assertThat(create.header("variable_irisx_call_id")).isEqualTo("irx-42");
    assertThat(create.header("variable_origination_uuid")).isEqualTo(uuid);
    assertThat(create.frame().text()).contains("Channel-Name: sofia/gateway/irisx/%2B15550111\n");

    EslTestClient.Event answer = client.awaitEvent("CHANNEL_ANSWER", uuid);
    assertThat(answer.header("Answer-State")).isEqualTo("answered");
    assertThat(answer.header("Caller-Caller-ID-Number")).isEqualTo("+15550100");
    assertThat(answer.header("Caller-Destination-Number")).isEqualTo("+15550111");
    assertThat(answer.header("variable_irisx_call_id")).isEqualTo("irx-42");

    EslTestClient.Event execute = client.awaitEvent("CHANNEL_EXECUTE", uuid);
    assertThat(execute.header("Application")).isEqualTo("park");
    assertThat(execute.header("Channel-State")).isEqualTo("CS_EXECUTE");
    assertThat(execute.header("Channel-Call-State")).isEqualTo("ACTIVE");

    List<Long> sequences =
        client.events().stream().map(e -> Long.parseLong(e.header("Event-Sequence"))).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void theSynchronousOriginateRepliesOnlyOnceAnsweredAndTheChannelIsLive() throws Exception {
    String uuid = UUID.randomUUID().toString();

    String reply =
        client.api(
            "originate {origination_uuid="
                + uuid
                + ",irisx_call_id=call-7}"
                + "sofia/external/15550111@127.0.0.1:5090 &park()");

    assertThat(reply).isEqualTo("+OK " + uuid + "\n");
    assertThat(client.api("uuid_exists " + uuid)).isEqualTo("true");
    await()
        .atMost(EslTestClient.WAIT)
        .untilAsserted(
            () ->
                assertThat(simulator.liveChannels())
                    .singleElement()
                    .isEqualTo(
                        new SimulatedChannelView(
                            uuid, "call-7", "15550111", "CS_EXECUTE", true, "park")));
  }

  @Test
  void anOriginationUuidAlreadyInUseGetsARandomOne() throws Exception {
    String uuid = UUID.randomUUID().toString();
    client.api("originate {origination_uuid=" + uuid + "}sofia/gateway/irisx/+15550111 &park()");

    String second =
        client.api(
            "originate {origination_uuid=" + uuid + "}sofia/gateway/irisx/+15550111 &park()");

    assertThat(second).startsWith("+OK ").doesNotContain(uuid);
    assertThat(simulator.liveChannels()).hasSize(2);
  }
}
