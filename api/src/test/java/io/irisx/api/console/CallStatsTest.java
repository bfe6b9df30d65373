package io.irisx.api.console;

import static io.irisx.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The overview's figures: calls per minute by outcome, the answer rate, calls up now. */
class CallStatsTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private void call(UUID tenant, String status, Instant createdAt, boolean answered) {
    STACK
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO calls (tenant_id, direction, from_number, to_number, flow, status,
                                           created_at, answered_at, ended_at)
                        VALUES (:t, 'outbound', '+15550100', '+15550111', 'hello', :s, :c,
                                CASE WHEN :a THEN CAST(:c AS timestamptz) END,
                                CASE WHEN :s IN ('completed','busy','no-answer','failed','canceled')
                                     THEN CAST(:c AS timestamptz) END)
                        """)
                    .bind("t", tenant)
                    .bind("s", status)
                    .bind("c", createdAt)
                    .bind("a", answered)
                    .execute());
  }

  @Test
  void callsAreCountedPerMinuteByOutcome() {
    ProvisionedTenant tenant = STACK.newTenant();
    ProvisionedTenant other = STACK.newTenant();
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    call(tenant.tenantId(), "completed", minute.plusSeconds(5), true);
    call(tenant.tenantId(), "completed", minute.plusSeconds(50), true);
    call(tenant.tenantId(), "busy", minute.plusSeconds(20), false);
    call(tenant.tenantId(), "no-answer", minute.plusSeconds(70), false);
    call(tenant.tenantId(), "in-progress", Instant.now().minusSeconds(5), true);
    call(other.tenantId(), "completed", minute.plusSeconds(6), true);

    ApiClient.Reply reply =
        new ApiClient(APP.getLocalPort())
            .get(
                "/v1/stats?from="
                    + minute.minus(Duration.ofMinutes(20))
                    + "&to="
                    + Instant.now().plusSeconds(1),
                tenant.apiKey());

    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    JsonNode stats = reply.body();
    assertThat(stats.path("bucketSeconds").asInt()).isEqualTo(60);
    JsonNode first = stats.path("buckets").get(0);
    assertThat(first.path("at").asText()).isEqualTo(minute.toString().replace("Z", ".000Z"));
    assertThat(first.path("completed").asInt()).isEqualTo(2);
    assertThat(first.path("busy").asInt()).isEqualTo(1);
    assertThat(stats.path("buckets").get(1).path("noAnswer").asInt()).isEqualTo(1);
    assertThat(stats.path("calls").asLong()).isEqualTo(5);
    assertThat(stats.path("answered").asLong()).isEqualTo(3);
    assertThat(stats.path("callsUpNow").asInt()).isEqualTo(1);
    assertThat(stats.path("answerRate").asDouble()).isEqualTo(0.75);
  }

  @Test
  void aLongRangeHasCoarserBucketsAndABadRangeIsRefused() {
    ProvisionedTenant tenant = STACK.newTenant();
    ApiClient api = new ApiClient(APP.getLocalPort());
    Instant to = Instant.parse("2026-11-24T00:00:00Z");

    assertThat(
            api.get("/v1/stats?from=" + to.minus(Duration.ofDays(7)) + "&to=" + to, tenant.apiKey())
                .body()
                .path("bucketSeconds")
                .asInt())
        .isEqualTo(21600);
    assertThat(api.get("/v1/stats", tenant.apiKey()).body().path("answerRate").isNull()).isTrue();
    assertProblem(
        api.get("/v1/stats?from=" + to + "&to=" + to, tenant.apiKey()), 422, "validation-error");
    assertProblem(api.get("/v1/stats?from=yesterday", tenant.apiKey()), 422, "validation-error");
    assertProblem(
        api.get("/v1/stats?from=" + to.minus(Duration.ofDays(91)) + "&to=" + to, tenant.apiKey()),
        422,
        "validation-error");
  }
}
