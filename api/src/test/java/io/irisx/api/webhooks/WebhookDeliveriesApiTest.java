package io.irisx.api.webhooks;

import static io.irisx.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.db.webhook.WebhookDao;
import io.irisx.db.webhook.WebhookDeliveryDao;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookDeliveriesApiTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ApiClient api;
  private ProvisionedTenant tenant;
  private UUID endpoint;

  @BeforeEach
  void newTenantWithAnEndpoint() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
    endpoint = endpoint(tenant.tenantId());
  }

  @Test
  void listingFiltersByEndpointStatusEventTypeAndTime() {
    UUID otherEndpoint = endpoint(tenant.tenantId());
    UUID completed = delivery(endpoint, "call.completed");
    UUID answered = delivery(endpoint, "call.answered");
    UUID elsewhere = delivery(otherEndpoint, "call.completed");
    deliveries().recordOutcome(elsewhere, "failed", Instant.now(), null, 500, "HTTP 500");

    assertThat(ids("/v1/webhook-deliveries"))
        .containsExactlyInAnyOrder(completed, answered, elsewhere);
    assertThat(ids("/v1/webhook-deliveries?endpointId=" + endpoint))
        .containsExactlyInAnyOrder(completed, answered);
    assertThat(ids("/v1/webhook-deliveries?status=failed")).containsExactly(elsewhere);
    assertThat(ids("/v1/webhook-deliveries?eventType=call.answered")).containsExactly(answered);
    assertThat(ids("/v1/webhook-deliveries?since=" + Instant.now().plusSeconds(60))).isEmpty();
    assertThat(ids("/v1/webhook-deliveries?until=" + Instant.now().plusSeconds(60) + "&limit=1"))
        .hasSize(1);
    assertProblem(
        api.get("/v1/webhook-deliveries?status=lost", tenant.apiKey()), 422, "validation-error");
    assertProblem(
        api.get("/v1/webhook-deliveries?since=yesterday", tenant.apiKey()),
        422,
        "validation-error");
  }

  @Test
  void aDeliveryShowsItsPayloadAndAttempts() {
    UUID id = delivery(endpoint, "call.completed");
    deliveries()
        .insertAttemptIfAbsent(
            new WebhookAttemptRow(
                id,
                tenant.tenantId(),
                1,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "https://93.184.215.14/hooks",
                "failed",
                503,
                42L,
                "busy",
                "HTTP 503"));

    JsonNode delivery = api.get("/v1/webhook-deliveries/" + id, tenant.apiKey()).body();

    assertThat(delivery.path("payload").path("type").asText()).isEqualTo("call.completed");
    assertThat(delivery.path("endpointId").asText()).isEqualTo(endpoint.toString());
    assertThat(delivery.path("attempts"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.path("responseStatus").asInt()).isEqualTo(503);
              assertThat(a.path("latencyMillis").asLong()).isEqualTo(42);
              assertThat(a.path("responseBody").asText()).isEqualTo("busy");
            });
  }

  @Test
  void retryStartsTheDeliveryWorkflowAgainAndRefusesWhileItRuns() {
    UUID id = delivery(endpoint, "call.completed");
    deliveries().recordOutcome(id, "failed", Instant.now(), null, 500, "HTTP 500");

    ApiClient.Reply accepted =
        api.post("/v1/webhook-deliveries/" + id + "/retry", tenant.apiKey(), null, "");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(STACK.describeWorkflow("webhook-" + id).getWorkflowExecutionInfo().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    // No worker runs in this test: the run stays open, so a second retry must wait for it.
    assertProblem(
        api.post("/v1/webhook-deliveries/" + id + "/retry", tenant.apiKey(), null, ""),
        409,
        "delivery-in-progress");
  }

  @Test
  void aPendingDeliveryIsNotRetriedBesideTheWorkflowOnIt() {
    UUID id = delivery(endpoint, "call.completed");

    assertProblem(
        api.post("/v1/webhook-deliveries/" + id + "/retry", tenant.apiKey(), null, ""),
        409,
        "delivery-in-progress");
  }

  @Test
  void anotherTenantsDeliveryIsNotFound() {
    UUID id = delivery(endpoint, "call.completed");
    ProvisionedTenant other = STACK.newTenant();

    assertProblem(api.get("/v1/webhook-deliveries/" + id, other.apiKey()), 404, "not-found");
    assertProblem(
        api.post("/v1/webhook-deliveries/" + id + "/retry", other.apiKey(), null, ""),
        404,
        "not-found");
    assertThat(api.get("/v1/webhook-deliveries", other.apiKey()).body().path("data")).isEmpty();
    assertThat(
            api.get("/v1/webhook-deliveries?endpointId=" + endpoint, other.apiKey())
                .body()
                .path("data"))
        .isEmpty();
  }

  private java.util.List<UUID> ids(String path) {
    ApiClient.Reply reply = api.get(path, tenant.apiKey());
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    java.util.List<UUID> ids = new java.util.ArrayList<>();
    reply.body().path("data").forEach(d -> ids.add(UUID.fromString(d.path("id").asText())));
    return ids;
  }

  private static WebhookDeliveryDao deliveries() {
    return STACK.jdbi().onDemand(WebhookDeliveryDao.class);
  }

  private static UUID endpoint(UUID tenantId) {
    UUID id = UUID.randomUUID();
    STACK
        .jdbi()
        .onDemand(WebhookDao.class)
        .insert(id, tenantId, "https://93.184.215.14/hooks", null, new String[0], "whsec_" + id);
    return id;
  }

  private UUID delivery(UUID webhook, String type) {
    UUID id = UUID.randomUUID();
    UUID event = UUID.randomUUID();
    deliveries()
        .insertIfAbsent(
            id,
            tenant.tenantId(),
            webhook,
            event,
            type,
            null,
            null,
            Instant.now(),
            "{\"id\":\"" + event + "\",\"type\":\"" + type + "\",\"data\":{}}",
            "webhook-" + id);
    return id;
  }
}
