package io.irisx.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.api.calls.NeverStartedCalls;
import io.irisx.db.CallRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code queued} row whose workflow never started (the request cut off in between) is ended as
 * failed once the grace period has passed; a queued call whose workflow runs is left alone.
 */
class NeverStartedCallsTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  @Test
  void aQueuedRowWithoutAWorkflowIsEndedAndAStartedOneIsNot() {
    ProvisionedTenant tenant = STACK.newTenant();
    // No worker runs in this test: the started call stays queued, its workflow open.
    String started =
        new ApiClient(APP.getLocalPort())
            .startCall(tenant.apiKey(), "+15550100", "+15550111", "hello")
            .body()
            .path("id")
            .asText();
    UUID ghost = UUID.randomUUID();
    Instant cutAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    STACK.calls().insertQueued(ghost, tenant.tenantId(), "+15550100", "+15550112", "hello", cutAt);

    NeverStartedCalls sweeper =
        new NeverStartedCalls(
            STACK.calls(),
            STACK.temporalClient(),
            Clock.offset(Clock.systemUTC(), NeverStartedCalls.GRACE.plusSeconds(1)));
    assertThat(
            new NeverStartedCalls(STACK.calls(), STACK.temporalClient(), Clock.systemUTC()).sweep())
        .as("within the grace period nothing is ended")
        .isZero();
    assertThat(sweeper.sweep()).isEqualTo(1);

    CallRow ended = STACK.calls().find(tenant.tenantId(), ghost).orElseThrow();
    assertThat(ended.status()).isEqualTo("failed");
    assertThat(ended.endedAt()).isNotNull();
    assertThat(ended.hangupCause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
    assertThat(ended.billSeconds()).isZero();
    assertThat(
            STACK.calls().find(tenant.tenantId(), UUID.fromString(started)).orElseThrow().status())
        .isEqualTo("queued");
    assertThat(sweeper.sweep()).as("a second sweep finds nothing more").isZero();
  }
}
