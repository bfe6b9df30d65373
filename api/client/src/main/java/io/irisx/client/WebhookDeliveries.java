package io.irisx.client;

import io.irisx.client.model.WebhookDelivery;
import org.jspecify.annotations.Nullable;

/** Each event's delivery to each endpoint, with its attempts; a failed one can be redelivered. */
public final class WebhookDeliveries extends Resource {
  WebhookDeliveries(Transport transport) {
    super(transport);
  }

  @ApiOperation("GET /v1/webhook-deliveries")
  public Page<WebhookDelivery> list(@Nullable Integer limit) {
    return page("/v1/webhook-deliveries", limit(limit), WebhookDelivery.class);
  }

  public Page<WebhookDelivery> list() {
    return list(null);
  }

  @ApiOperation("GET /v1/webhook-deliveries/{id}")
  public WebhookDelivery get(String id) {
    return doGet("/v1/webhook-deliveries/" + segment(id), WebhookDelivery.class);
  }

  /** Delivers the event again (202); its attempts continue under the same webhook-id. */
  @ApiOperation("POST /v1/webhook-deliveries/{id}/retry")
  public WebhookDelivery retry(String id) {
    return doPost("/v1/webhook-deliveries/" + segment(id) + "/retry", null, WebhookDelivery.class);
  }
}
