package io.irisx.api.webhooks;

import static io.irisx.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.webhook.WebhookDao;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhooksApiTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  /** A public address literal: the address policy passes it without DNS. */
  static final String URL = "https://93.184.215.14/hooks";

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void newTenant() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  @Test
  void creatingReturnsTheSecretOnceAndReadingNeverAgain() {
    ApiClient.Reply created =
        create(
            "{\"url\":\""
                + URL
                + "\",\"events\":[\"call.completed\",\"call.answered\"],\"description\":\"CRM\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("secret").asText()).matches("whsec_[A-Za-z0-9+/]{43}=");
    String id = created.body().path("id").asText();
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/v1/webhooks/" + id));
    assertThat(created.body().path("events")).hasSize(2);
    assertThat(created.body().path("status").asText()).isEqualTo("enabled");

    ApiClient.Reply fetched = api.get("/v1/webhooks/" + id, tenant.apiKey());
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.body().has("secret")).isFalse();
    assertThat(fetched.body().path("description").asText()).isEqualTo("CRM");
    assertThat(api.get("/v1/webhooks", tenant.apiKey()).body().path("data"))
        .hasSize(1)
        .allSatisfy(w -> assertThat(w.has("secret")).isFalse());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.215.14/hooks", "https://127.0.0.1/hooks", "https://localhost/hooks",
        "https://10.0.0.8/hooks", "https://169.254.169.254/latest", "https://[::1]/x",
        "https://0x7f000001/x", "https://2130706433/x", "https://[::ffff:127.0.0.1]/x"
      })
  void hostileUrlsAreRefusedAtCreation(String url) {
    ApiClient.Reply refused = create("{\"url\":\"" + url + "\"}");

    assertProblem(refused, 422, "webhook-url-refused");
  }

  @Test
  void unknownEventTypesAndFieldsAreValidationErrors() {
    ApiClient.Reply refused =
        create("{\"url\":\"" + URL + "\",\"events\":[\"call.exploded\"],\"colour\":\"red\"}");

    assertProblem(refused, 422, "validation-error");
    assertThat(refused.body().path("errors").toString()).contains("events[0]").contains("colour");
  }

  @Test
  void updateDisableEnableAndDelete() {
    String id = create("{\"url\":\"" + URL + "\"}").body().path("id").asText();

    ApiClient.Reply updated =
        send(
            "PATCH",
            "/v1/webhooks/" + id,
            "{\"events\":[\"call.failed\"],\"description\":\"ops\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().path("events").get(0).asText()).isEqualTo("call.failed");
    assertThat(updated.body().path("url").asText()).isEqualTo(URL);
    assertProblem(
        send("PATCH", "/v1/webhooks/" + id, "{\"url\":\"https://192.168.0.1/\"}"),
        422,
        "webhook-url-refused");

    ApiClient.Reply disabled =
        api.post("/v1/webhooks/" + id + "/disable", tenant.apiKey(), null, "");
    assertThat(disabled.body().path("status").asText()).isEqualTo("disabled");
    ApiClient.Reply enabled = api.post("/v1/webhooks/" + id + "/enable", tenant.apiKey(), null, "");
    assertThat(enabled.body().path("status").asText()).isEqualTo("enabled");

    assertThat(send("DELETE", "/v1/webhooks/" + id, null).status()).isEqualTo(204);
    assertProblem(api.get("/v1/webhooks/" + id, tenant.apiKey()), 404, "not-found");
  }

  @Test
  void anEndpointDisabledFor410ShowsWhyAndSinceWhenUntilItIsEnabled() {
    String id =
        create("{\"url\":\"" + URL + "\",\"events\":[\"call.completed\"]}")
            .body()
            .path("id")
            .asText();
    String watcher =
        create("{\"url\":\"" + URL + "/ops\",\"events\":[\"webhook.endpoint-disabled\"]}")
            .body()
            .path("id")
            .asText();
    assertThat(api.get("/v1/webhooks/" + id, tenant.apiKey()).body().path("disabledAt").isNull())
        .isTrue();
    Instant at = Instant.parse("2026-11-24T20:51:30.326Z");
    // What the delivery activity does when the endpoint answers 410 (GoneEndpointNoticeTest).
    STACK
        .jdbi()
        .onDemand(WebhookDao.class)
        .disableGone(UUID.fromString(id), "the endpoint answered 410 Gone", at);

    ApiClient.Reply read = api.get("/v1/webhooks/" + id, tenant.apiKey());
    assertThat(read.body().path("status").asText()).isEqualTo("disabled");
    assertThat(read.body().path("disabledReason").asText())
        .isEqualTo("the endpoint answered 410 Gone");
    assertThat(read.body().path("disabledAt").asText()).isEqualTo("2026-11-24T20:51:30.326Z");
    assertThat(
            api.get("/v1/webhooks/" + watcher, tenant.apiKey())
                .body()
                .path("events")
                .get(0)
                .asText())
        .isEqualTo("webhook.endpoint-disabled");
    assertThat(
            api.get("/v1/webhook-deliveries?eventType=webhook.endpoint-disabled", tenant.apiKey())
                .status())
        .isEqualTo(200);

    ApiClient.Reply enabled = api.post("/v1/webhooks/" + id + "/enable", tenant.apiKey(), null, "");
    assertThat(enabled.body().path("status").asText()).isEqualTo("enabled");
    assertThat(enabled.body().path("disabledReason").isNull()).isTrue();
    assertThat(enabled.body().path("disabledAt").isNull()).isTrue();
    ApiClient.Reply byHand = api.post("/v1/webhooks/" + id + "/disable", tenant.apiKey(), null, "");
    assertThat(Instant.parse(byHand.body().path("disabledAt").asText()))
        .isAfter(Instant.now().minusSeconds(60));
  }

  @Test
  void rotatingReturnsANewSecretAndKeepsTheOldOneSigningForTheOverlap() {
    ApiClient.Reply created = create("{\"url\":\"" + URL + "\"}");
    String id = created.body().path("id").asText();

    ApiClient.Reply rotated =
        api.post(
            "/v1/webhooks/" + id + "/rotate-secret",
            tenant.apiKey(),
            "application/json",
            "{\"overlapSeconds\":3600}");

    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.body().path("secret").asText())
        .startsWith("whsec_")
        .isNotEqualTo(created.body().path("secret").asText());
    Instant overlapEnds = Instant.parse(rotated.body().path("previousSecretExpiresAt").asText());
    assertThat(overlapEnds)
        .isBetween(
            Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
    assertProblem(
        api.post(
            "/v1/webhooks/" + id + "/rotate-secret",
            tenant.apiKey(),
            "application/json",
            "{\"overlapSeconds\":-1}"),
        422,
        "validation-error");
  }

  @Test
  void anotherTenantsEndpointIsNotFound() {
    String id = create("{\"url\":\"" + URL + "\"}").body().path("id").asText();
    ProvisionedTenant other = STACK.newTenant();

    assertProblem(api.get("/v1/webhooks/" + id, other.apiKey()), 404, "not-found");
    assertProblem(
        api.post("/v1/webhooks/" + id + "/rotate-secret", other.apiKey(), null, ""),
        404,
        "not-found");
    assertProblem(
        api.post("/v1/webhooks/" + id + "/disable", other.apiKey(), null, ""), 404, "not-found");
    assertThat(api.get("/v1/webhooks", other.apiKey()).body().path("data")).isEmpty();
    assertThat(api.get("/v1/webhooks/" + id, tenant.apiKey()).body().path("status").asText())
        .isEqualTo("enabled");
  }

  private ApiClient.Reply create(String json) {
    return api.post("/v1/webhooks", tenant.apiKey(), "application/json", json);
  }

  private ApiClient.Reply send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
            .header("Authorization", "Bearer " + tenant.apiKey())
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return api.send(request.build());
  }
}
