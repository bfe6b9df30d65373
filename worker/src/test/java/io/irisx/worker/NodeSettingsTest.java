package io.irisx.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import io.irisx.activities.esl.DialOptions;
import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.activities.esl.EslLinkPolicy;
import io.irisx.activities.esl.EslNodeSettings;
import io.irisx.activities.esl.UnsafeCommandException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worker's {@code node:} block: the optional dialling extras and the link's HEARTBEAT timeout.
 */
class NodeSettingsTest {
  private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());

  @Test
  void theOptionalKeysMayBeLeftOut() throws Exception {
    NodeSettings node =
        YAML.readValue(
            """
        id: fs1
        eslHost: 127.0.0.1
        eslPort: 8021
        eslPassword: secret
        dialTemplate: "sofia/gateway/carrier/{to}"
        """,
            NodeSettings.class);

    assertThat(node.dialOptions()).isEqualTo(DialOptions.NONE);
    assertThat(node.linkPolicy()).isEqualTo(EslLinkPolicy.defaults());
    assertThat(node.toString()).doesNotContain("secret");
  }

  @Test
  void callerIdSipHeadersAndTheHeartbeatTimeoutAreRead() throws Exception {
    NodeSettings node =
        YAML.readValue(
            """
        id: fs1
        eslHost: 127.0.0.1
        eslPort: 8021
        eslPassword: secret
        dialTemplate: "sofia/gateway/carrier/{to}"
        callerIdName: Acme_Support
        callerIdNumber: "+15550199"
        sipHeaders:
          X-Tenant: acme
        eslHeartbeatTimeoutSeconds: 90
        """,
            NodeSettings.class);

    assertThat(node.dialOptions())
        .isEqualTo(new DialOptions("Acme_Support", "+15550199", Map.of("X-Tenant", "acme")));
    assertThat(node.linkPolicy().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aSipHeaderThatCouldInjectStopsTheWorkerAtStartup() throws Exception {
    NodeSettings node =
        YAML.readValue(
            """
        id: fs1
        eslHost: 127.0.0.1
        eslPort: 8021
        eslPassword: secret
        dialTemplate: "sofia/gateway/carrier/{to}"
        sipHeaders:
          X-Campaign: "a,execute_on_answer=system"
        """,
            NodeSettings.class);
    EslNodeSettings esl =
        new EslNodeSettings(
            "fs1", "127.0.0.1", 8021, "secret", node.dialTemplate(), Duration.ofSeconds(1));

    assertThatThrownBy(() -> new EslCommandBuilder(esl, node.dialOptions()))
        .isInstanceOf(UnsafeCommandException.class);
  }
}
