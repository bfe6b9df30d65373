package io.irisx.client;

import io.irisx.client.model.Webhook;
import io.irisx.client.params.NewWebhookParams;
import io.irisx.client.params.RotateSecretParams;
import io.irisx.client.params.WebhookUpdate;
import org.jspecify.annotations.Nullable;

/**
 * Webhook endpoints. The answer of {@link #create} and {@link #rotateSecret} carries the signing
 * secret, once: keep it for {@link WebhookVerifier}.
 */
public final class Webhooks extends Resource {
  Webhooks(Transport transport) {
    super(transport);
  }

  @ApiOperation("POST /v1/webhooks")
  public Webhook create(NewWebhookParams params) {
    return doPost("/v1/webhooks", params, Webhook.class);
  }

  @ApiOperation("GET /v1/webhooks/{id}")
  public Webhook get(String id) {
    return doGet("/v1/webhooks/" + segment(id), Webhook.class);
  }

  @ApiOperation("GET /v1/webhooks")
  public Page<Webhook> list(@Nullable Integer limit) {
    return page("/v1/webhooks", limit(limit), Webhook.class);
  }

  public Page<Webhook> list() {
    return list(null);
  }

  @ApiOperation("PATCH /v1/webhooks/{id}")
  public Webhook update(String id, WebhookUpdate update) {
    return doPatch("/v1/webhooks/" + segment(id), update, Webhook.class);
  }

  @ApiOperation("DELETE /v1/webhooks/{id}")
  public void delete(String id) {
    doDelete("/v1/webhooks/" + segment(id));
  }

  @ApiOperation("POST /v1/webhooks/{id}/disable")
  public Webhook disable(String id) {
    return doPost("/v1/webhooks/" + segment(id) + "/disable", null, Webhook.class);
  }

  @ApiOperation("POST /v1/webhooks/{id}/enable")
  public Webhook enable(String id) {
    return doPost("/v1/webhooks/" + segment(id) + "/enable", null, Webhook.class);
  }

  /** A new secret; the previous one keeps signing for the overlap (the API's default if null). */
  @ApiOperation("POST /v1/webhooks/{id}/rotate-secret")
  public Webhook rotateSecret(String id, @Nullable RotateSecretParams params) {
    return doPost("/v1/webhooks/" + segment(id) + "/rotate-secret", params, Webhook.class);
  }
}
