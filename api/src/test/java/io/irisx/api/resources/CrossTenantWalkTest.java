package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.ConsoleSessions;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.api.openapi.ApiRoute;
import io.irisx.api.openapi.ApiRoutes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every tenant-owned route the application has registered (read from Jersey's resource model,
 * so a route added later is walked too) with another tenant's key: each route that names a resource
 * answers 404 and changes nothing; each list shows none of the owner's resources. A route under a
 * collection this test cannot yet make a resource for fails the test, naming the route: add its
 * maker to {@link #makers}.
 */
class CrossTenantWalkTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  /** How to make one resource of each collection for a tenant: collection path -> id. */
  private static Map<String, Function<ProvisionedTenant, String>> makers(ApiClient api) {
    Map<String, Function<ProvisionedTenant, String>> makers = new LinkedHashMap<>();
    makers.put(
        "/v1/calls", owner -> id(api.startCall(owner.apiKey(), "+15550100", "+15550111", "hello")));
    makers.put(
        "/v1/api-keys",
        owner -> id(api.post("/v1/api-keys", owner.apiKey(), "{\"name\":\"owned\"}")));
    makers.put(
        "/v1/phone-numbers",
        owner ->
            id(
                api.post(
                    "/v1/phone-numbers",
                    owner.apiKey(),
                    "{\"number\":\"+1555"
                        + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000))
                        + "\",\"flow\":\"hello\"}")));
    makers.put(
        "/v1/users",
        owner ->
            id(
                api.post(
                    "/v1/users",
                    owner.apiKey(),
                    "{\"email\":\"owned-"
                        + UUID.randomUUID()
                        + "@example.com\",\"role\":\"agent\"}")));
    makers.put(
        "/v1/contacts",
        owner -> id(api.post("/v1/contacts", owner.apiKey(), "{\"firstName\":\"Owned\"}")));
    // An IP literal that passes the production address rules (public, https).
    makers.put(
        "/v1/webhooks",
        owner ->
            id(
                api.post(
                    "/v1/webhooks", owner.apiKey(), "{\"url\":\"https://93.184.215.14/hooks\"}")));
    // Deliveries are made by events, not by the API: one straight into the owner's table.
    makers.put(
        "/v1/webhook-deliveries",
        owner -> {
          String endpoint =
              id(
                  api.post(
                      "/v1/webhooks", owner.apiKey(), "{\"url\":\"https://93.184.215.14/more\"}"));
          UUID delivery = UUID.randomUUID();
          STACK
              .jdbi()
              .useExtension(
                  io.irisx.db.webhook.WebhookDeliveryDao.class,
                  dao ->
                      dao.insertIfAbsent(
                          delivery,
                          owner.tenantId(),
                          UUID.fromString(endpoint),
                          UUID.randomUUID(),
                          "call.completed",
                          null,
                          null,
                          java.time.Instant.now(),
                          "{}",
                          "webhook-" + delivery));
          return delivery.toString();
        });
    // Recordings are made by call workflows, not by the API: one straight into the owner's table.
    makers.put(
        "/v1/recordings",
        owner -> RecordingsApiTest.availableRecording(STACK, owner, api).toString());
    return makers;
  }

  /** Bodies for routes that need more than {@code {}} to reach their lookup. */
  private static final Map<String, String> BODIES = Map.of();

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private static String id(ApiClient.Reply reply) {
    assertThat(reply.status())
        .as("making the owner's resource: %s", reply.raw().body())
        .isEqualTo(201);
    return reply.body().path("id").asText();
  }

  @Test
  void everyTenantOwnedRouteIsNotFoundWithAnotherTenantsKey() {
    ProvisionedTenant intruder = STACK.newTenant();
    walk(new ApiClient(APP.getLocalPort()), intruder.apiKey());
  }

  /** The console's routes are the API's: an admin of another tenant is walked the same way. */
  @Test
  void everyTenantOwnedRouteIsNotFoundToAnotherTenantsConsoleAdmin() {
    ProvisionedTenant intruder = STACK.newTenant();
    ConsoleSessions.Session admin =
        ConsoleSessions.signedIn(
            STACK, new ApiClient(APP.getLocalPort()), intruder.tenantId(), ConsoleRole.ADMIN);
    walk(admin.client(APP.getLocalPort()), null);
  }

  /** Walks every route as the intruder: {@code intruderApi} with {@code intruderKey} (or none). */
  private static void walk(ApiClient intruderApi, String intruderKey) {
    ApiClient api = new ApiClient(APP.getLocalPort());
    ProvisionedTenant owner = STACK.newTenant();
    Map<String, Function<ProvisionedTenant, String>> makers = makers(api);
    Map<String, String> owned = new LinkedHashMap<>();
    makers.forEach((collection, maker) -> owned.put(collection, maker.apply(owner)));

    List<ApiRoute> routes =
        new ArrayList<>(ApiRoutes.of(APP.getEnvironment().jersey().getResourceConfig()));
    // Deletes last: a delete that wrongly worked must not hide the other routes' answers.
    routes.sort(Comparator.comparing((ApiRoute r) -> r.httpMethod().equals("DELETE")));
    List<String> walked = new ArrayList<>();
    for (ApiRoute route : routes) {
      if (route.isOperatorRoute()
          || !authenticated(route)
          || route.httpMethod().equals("HEAD")
          || route.httpMethod().equals("OPTIONS")) {
        continue;
      }
      List<String> variables = route.pathVariables();
      if (variables.isEmpty()) {
        if (route.httpMethod().equals("GET")) {
          ApiClient.Reply list = intruderApi.get(route.path(), intruderKey);
          assertThat(list.status()).as(route.toString()).isEqualTo(200);
          owned
              .values()
              .forEach(id -> assertThat(list.raw().body()).as(route.toString()).doesNotContain(id));
          walked.add(route.toString());
        }
        continue; // a POST to a collection makes the intruder's own resource
      }
      String collection = route.path().substring(0, route.path().indexOf('{') - 1);
      String ownerId = owned.get(collection);
      if (ownerId == null) {
        fail(
            "No maker for "
                + collection
                + " (route "
                + route
                + "): add one to CrossTenantWalkTest.makers");
      }
      String path = route.path().replaceFirst("\\{[^}]+}", ownerId);
      while (path.contains("{")) {
        path = path.replaceFirst("\\{[^}]+}", UUID.randomUUID().toString());
      }
      String body =
          WRITES.contains(route.httpMethod()) && !route.httpMethod().equals("DELETE")
              ? BODIES.getOrDefault(route.toString(), "{}")
              : null;

      ApiClient.Reply reply = intruderApi.request(route.httpMethod(), path, intruderKey, body);

      ProblemAssert.assertProblem(reply, 404, "not-found");
      walked.add(route.toString());
    }

    // Nothing of the owner's was changed or removed, and the owner still reaches all of it.
    owned.forEach(
        (collection, id) ->
            assertThat(api.get(collection + "/" + id, owner.apiKey()).status())
                .as(collection)
                .isEqualTo(200));
    assertThat(walked)
        .contains(
            "GET /v1/calls/{id}",
            "GET /v1/api-keys/{id}",
            "DELETE /v1/api-keys/{id}",
            "GET /v1/phone-numbers/{id}",
            "PATCH /v1/phone-numbers/{id}",
            "DELETE /v1/phone-numbers/{id}",
            "GET /v1/contacts/{id}",
            "PATCH /v1/contacts/{id}",
            "DELETE /v1/contacts/{id}",
            "GET /v1/calls",
            "GET /v1/api-keys",
            "GET /v1/phone-numbers",
            "GET /v1/contacts",
            "POST /v1/calls/{id}/hangup",
            "POST /v1/calls/{id}/play",
            "POST /v1/calls/{id}/dtmf",
            "POST /v1/calls/{id}/redirect",
            "GET /v1/webhooks/{id}",
            "DELETE /v1/webhooks/{id}",
            "GET /v1/webhook-deliveries/{id}",
            "POST /v1/webhook-deliveries/{id}/retry",
            "GET /v1/calls/{id}/events",
            "GET /v1/calls/{id}/recordings",
            "GET /v1/calls/export",
            "GET /v1/recordings/{id}",
            "DELETE /v1/recordings/{id}",
            "GET /v1/users",
            "GET /v1/users/{id}",
            "PATCH /v1/users/{id}",
            "DELETE /v1/users/{id}",
            "POST /v1/users/{id}/invitation",
            "GET /v1/users/{id}/sessions",
            "DELETE /v1/users/{id}/sessions",
            "GET /v1/session");
  }

  /** A route a tenant's credential opens (log-in and invitation links need none). */
  private static boolean authenticated(ApiRoute route) {
    return java.util.Arrays.stream(route.handler().getParameters())
        .anyMatch(p -> p.isAnnotationPresent(io.dropwizard.auth.Auth.class));
  }
}
