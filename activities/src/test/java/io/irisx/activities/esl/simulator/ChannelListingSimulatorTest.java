package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** show channels as json with a call up, in the row shape of capture 03. */
class ChannelListingSimulatorTest extends ConnectedClientTest {
  @Test
  void aLiveCallIsListedAsCompactJsonWithTheChannelTableColumns() throws Exception {
    String uuid = UUID.randomUUID().toString();
    client.api(
        "originate {origination_uuid=" + uuid + "}sofia/external/15550111@127.0.0.1:5090 &park()");

    String json = client.api("show channels as json");

    assertThat(json)
        .startsWith(
            "{\"row_count\":1,\"rows\":[{\"uuid\":\""
                + uuid
                + "\",\"direction\":\"outbound\","
                + "\"created\":\"")
        .endsWith("}]}");
    assertThat(json)
        .containsSubsequence(
            "\"created_epoch\":",
            "\"name\":\"sofia/external/15550111@127.0.0.1:5090\"",
            "\"state\":\"CS_EXECUTE\"",
            "\"cid_name\":\"Outbound Call\"",
            "\"cid_num\":\"15550111\"",
            "\"ip_addr\":\"\"",
            "\"dest\":\"15550111\"",
            "\"application\":\"park\"",
            "\"application_data\":\"\"",
            "\"callstate\":\"ACTIVE\"",
            "\"callee_num\":\"0000000000\"",
            "\"call_uuid\":\"" + uuid + "\"",
            "\"initial_context\":\"default\"}");
  }
}
