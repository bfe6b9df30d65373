package io.irisx.activities.webhook;

import static io.irisx.activities.webhook.WebhookTestBed.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.webhook.WebhookAttemptRow;
import io.irisx.workflows.webhook.WebhookSettings;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint whose name has come to resolve to a forbidden address since it was created (DNS
 * rebinding) gets nothing: the delivery checks the address it connects to.
 */
class DeliveryTimeAddressCheckTest {
  private static final WebhookTestBed bed = new WebhookTestBed();
  private final Receiver receiver = new Receiver();

  @AfterEach
  void stop() {
    receiver.close();
    bed.stopTemporal();
  }

  @AfterAll
  static void close() throws Exception {
    bed.close();
  }

  @Test
  void aNameRebindingToLoopbackIsRefusedAndNothingIsSent() {
    // http allowed, but no allow-list: loopback is forbidden.
    WebhookSettings strict = new WebhookSettings(false, List.of(), null, null, null);
    bed.startTemporal(
        strict,
        host ->
            host.equals("rebind.test")
                ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                : InetAddress.getAllByName(host));
    UUID tenant = bed.newTenant();
    UUID call = bed.newCall(tenant);
    String url = receiver.url("/steal").replace("127.0.0.1", "rebind.test");
    WebhookTestBed.Endpoint endpoint = bed.newEndpoint(tenant, url);

    String deliveryId =
        bed.publish(event(tenant, call, 1, "call.completed")).get(0).deliveryIds().get(0);
    bed.awaitStream(call, endpoint.id());

    assertThat(receiver.received).isEmpty();
    assertThat(bed.attempts(deliveryId))
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.outcome()).isEqualTo(WebhookAttemptRow.REFUSED);
              assertThat(a.error()).contains("loopback");
            });
    assertThat(bed.delivery(deliveryId).status()).isEqualTo("failed");
  }
}
