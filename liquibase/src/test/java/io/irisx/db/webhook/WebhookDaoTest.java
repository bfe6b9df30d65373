package io.irisx.db.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.PostgresExtension;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final WebhookDao webhooks = db.dao(WebhookDao.class);

  @Test
  void anEndpointIsOnlyItsTenants() {
    UUID tenant = db.newTenant();
    UUID other = db.newTenant();
    UUID id = endpoint(tenant, "call.completed", "call.answered", "call.completed");

    WebhookRow row = webhooks.find(tenant, id).orElseThrow();

    assertThat(row.events()).containsExactly("call.answered", "call.completed");
    assertThat(row.enabled()).isTrue();
    assertThat(row.source()).isEqualTo(WebhookRow.SOURCE_API);
    assertThat(webhooks.find(other, id)).isEmpty();
    assertThat(webhooks.listFirstPage(other, 10)).isEmpty();
    assertThat(webhooks.update(other, id, "https://1.1.1.1/x", null, null)).isFalse();
    assertThat(webhooks.delete(other, id)).isFalse();
    assertThat(row.toString()).doesNotContain("whsec_");
  }

  @Test
  void subscribedEndpointsAreTheEnabledOnesForTheTypeOrForEveryType() {
    UUID tenant = db.newTenant();
    UUID completedOnly = endpoint(tenant, "call.completed");
    UUID everything = endpoint(tenant);
    UUID answeredOnly = endpoint(tenant, "call.answered");
    UUID disabled = endpoint(tenant, "call.completed");
    webhooks.setStatus(tenant, disabled, WebhookRow.DISABLED, "by hand");
    UUID deleted = endpoint(tenant);
    webhooks.delete(tenant, deleted);

    assertThat(webhooks.listSubscribed(tenant, "call.completed"))
        .extracting(WebhookRow::id)
        .containsExactlyInAnyOrder(completedOnly, everything)
        .doesNotContain(answeredOnly);
    assertThat(webhooks.findForDelivery(deleted).orElseThrow().deleted()).isTrue();
  }

  @Test
  void updateKeepsWhatIsNotGiven() {
    UUID tenant = db.newTenant();
    UUID id = endpoint(tenant, "call.completed");

    assertThat(webhooks.update(tenant, id, null, "new description", null)).isTrue();
    WebhookRow row = webhooks.find(tenant, id).orElseThrow();
    assertThat(row.events()).containsExactly("call.completed");
    assertThat(row.description()).isEqualTo("new description");

    webhooks.update(tenant, id, "https://8.8.4.4/hooks", null, new String[0]);
    row = webhooks.find(tenant, id).orElseThrow();
    assertThat(row.url()).isEqualTo("https://8.8.4.4/hooks");
    assertThat(row.events()).isEmpty();
  }

  @Test
  void aRotatedSecretKeepsSigningUntilItsOverlapEnds() {
    UUID tenant = db.newTenant();
    UUID id = endpoint(tenant);
    String first = webhooks.find(tenant, id).orElseThrow().secret();
    Instant overlapEnds = PostgresExtension.now().plusSeconds(3600);

    webhooks.rotateSecret(tenant, id, "whsec_second", overlapEnds);

    WebhookRow row = webhooks.find(tenant, id).orElseThrow();
    assertThat(row.signingSecrets(overlapEnds.minusSeconds(1)))
        .containsExactly("whsec_second", first);
    assertThat(row.signingSecrets(overlapEnds)).containsExactly("whsec_second");
  }

  @Test
  void aCallsUrlGetsOneEndpointPerTenant() {
    UUID tenant = db.newTenant();
    webhooks.insertCallEndpointIfAbsent(
        UUID.randomUUID(), tenant, "https://1.1.1.1/call", "whsec_a");
    webhooks.insertCallEndpointIfAbsent(
        UUID.randomUUID(), tenant, "https://1.1.1.1/call", "whsec_b");

    WebhookRow row = webhooks.findCallEndpoint(tenant, "https://1.1.1.1/call").orElseThrow();
    assertThat(row.secret()).isEqualTo("whsec_a");
    assertThat(row.source()).isEqualTo(WebhookRow.SOURCE_CALL);
    // Call endpoints receive only their calls' events, never the tenant's broadcast.
    assertThat(webhooks.listSubscribed(tenant, "call.completed")).isEmpty();
  }

  @Test
  void goneDisablesWithAReasonAndEnablingClearsIt() {
    UUID tenant = db.newTenant();
    UUID id = endpoint(tenant);

    Instant at = PostgresExtension.now();
    assertThat(webhooks.disableGone(id, "the endpoint answered 410 Gone", at)).isTrue();
    WebhookRow disabled = webhooks.find(tenant, id).orElseThrow();
    assertThat(disabled.disabledReason()).contains("410");
    assertThat(disabled.disabledAt()).isEqualTo(at);
    // A second 410 (another delivery in flight) does not disable it again: its owner is told once.
    assertThat(webhooks.disableGone(id, "the endpoint answered 410 Gone", at.plusSeconds(1)))
        .isFalse();
    assertThat(webhooks.find(tenant, id).orElseThrow().disabledAt()).isEqualTo(at);

    webhooks.setStatus(tenant, id, WebhookRow.ENABLED, null);
    WebhookRow row = webhooks.find(tenant, id).orElseThrow();
    assertThat(row.enabled()).isTrue();
    assertThat(row.disabledReason()).isNull();
    assertThat(row.disabledAt()).isNull();
  }

  @Test
  void disablingByHandIsTimedAndKeepsItsFirstTime() {
    UUID tenant = db.newTenant();
    UUID id = endpoint(tenant);

    webhooks.setStatus(tenant, id, WebhookRow.DISABLED, "by hand");
    Instant first = webhooks.find(tenant, id).orElseThrow().disabledAt();
    webhooks.setStatus(tenant, id, WebhookRow.DISABLED, "by hand again");

    assertThat(first).isNotNull();
    assertThat(webhooks.find(tenant, id).orElseThrow().disabledAt()).isEqualTo(first);
  }

  private UUID endpoint(UUID tenant, String... events) {
    UUID id = UUID.randomUUID();
    webhooks.insert(id, tenant, "https://1.1.1.1/hooks", "test", events, "whsec_" + id);
    return id;
  }
}
