package io.irisx.worker.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.temporal.NamespaceSetup;
import io.irisx.temporal.SearchAttributeCatalogue;
import io.irisx.temporal.TemporalConnection;
import io.irisx.temporal.TemporalSettings;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up setup against the real {@code temporal} dev server, with its dynamic config: a new
 * namespace is registered with the configured retention and IRISX's attributes; a second start
 * (another replica) changes nothing; a changed retention is applied.
 */
class NamespaceSetupOnTemporalCliTest {

  @Test
  void registersTheNamespaceWithItsRetentionAndTheAttributesOnce(@TempDir Path home) {
    TemporalCliRequirement.check();
    try (LocalTemporal server =
        LocalTemporal.start(TemporalMode.CLI, LocalPorts.resolve(0), LocalPorts.resolve(0), home)) {
      TemporalSettings settings =
          new TemporalSettings(server.target(), "irisx-ops-test", 3, true, null, null);
      try (TemporalConnection temporal = TemporalConnection.open(settings)) {
        NamespaceSetup.Outcome first = temporal.ensureNamespace();
        assertThat(first.namespaceCreated()).isTrue();
        assertThat(first.attributesAdded())
            .containsOnlyKeys(SearchAttributeCatalogue.registrations().keySet());
        assertThat(retention(temporal, "irisx-ops-test")).isEqualTo(Duration.ofDays(3));
        assertThat(
                temporal
                    .operator()
                    .blockingStub()
                    .listSearchAttributes(
                        ListSearchAttributesRequest.newBuilder()
                            .setNamespace("irisx-ops-test")
                            .build())
                    .getCustomAttributesMap())
            .containsAllEntriesOf(SearchAttributeCatalogue.registrations());

        NamespaceSetup.Outcome again = temporal.ensureNamespace();
        assertThat(again.namespaceCreated()).isFalse();
        assertThat(again.attributesAdded()).isEmpty();
      }
      TemporalSettings longer =
          new TemporalSettings(server.target(), "irisx-ops-test", 5, true, null, null);
      try (TemporalConnection temporal = TemporalConnection.open(longer)) {
        temporal.ensureNamespace();
        assertThat(retention(temporal, "irisx-ops-test")).isEqualTo(Duration.ofDays(5));
      }
    }
  }

  private static Duration retention(TemporalConnection temporal, String namespace) {
    return Duration.ofSeconds(
        temporal
            .service()
            .blockingStub()
            .describeNamespace(
                DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build())
            .getConfig()
            .getWorkflowExecutionRetentionTtl()
            .getSeconds());
  }
}
