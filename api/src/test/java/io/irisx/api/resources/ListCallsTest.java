package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListCallsTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  private record Stored(UUID id, Instant createdAt) {}

  /** Calls inserted directly, two of them in the same microsecond (the id breaks the tie). */
  private List<Stored> storeCalls(int count) {
    Instant base = Instant.parse("2026-11-24T16:40:01.123456Z");
    List<Stored> stored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant createdAt = base.plus(i == count - 1 ? i - 1 : i, ChronoUnit.SECONDS);
      UUID id = UUID.randomUUID();
      STACK
          .calls()
          .insertQueued(id, tenant.tenantId(), "+15550100", "+1555010" + i, "hello", createdAt);
      stored.add(new Stored(id, createdAt));
    }
    return stored;
  }

  /**
   * Newest first, then the larger id (PostgreSQL compares UUIDs as unsigned bytes, like their
   * text).
   */
  private static List<String> newestFirst(List<Stored> calls) {
    return calls.stream()
        .sorted(
            Comparator.comparing(Stored::createdAt)
                .thenComparing(s -> s.id().toString())
                .reversed())
        .map(s -> s.id().toString())
        .toList();
  }

  private List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("data").forEach(call -> ids.add(call.path("id").asText()));
    return ids;
  }

  @Test
  void pagesGoNewestFirstAndTheLastPageHasNoCursor() {
    List<Stored> stored = storeCalls(5);

    JsonNode first = api.get("/v1/calls?limit=2", tenant.apiKey()).body();
    JsonNode second =
        api.get("/v1/calls?limit=2&cursor=" + first.path("nextCursor").asText(), tenant.apiKey())
            .body();
    JsonNode third =
        api.get("/v1/calls?limit=2&cursor=" + second.path("nextCursor").asText(), tenant.apiKey())
            .body();

    List<String> seen = new ArrayList<>();
    seen.addAll(ids(first));
    seen.addAll(ids(second));
    seen.addAll(ids(third));
    assertThat(seen).containsExactlyElementsOf(newestFirst(stored));
    assertThat(ids(first)).hasSize(2);
    assertThat(first.path("nextCursor").isTextual()).isTrue();
    assertThat(third.has("nextCursor") && third.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void aCallMadeWhilePagingNeitherRepeatsNorHidesOlderCalls() {
    List<Stored> stored = storeCalls(4);
    JsonNode first = api.get("/v1/calls?limit=2", tenant.apiKey()).body();

    STACK
        .calls()
        .insertQueued(
            UUID.randomUUID(), tenant.tenantId(), "+15550100", "+15550999", "hello", Instant.now());
    JsonNode second =
        api.get("/v1/calls?limit=2&cursor=" + first.path("nextCursor").asText(), tenant.apiKey())
            .body();

    List<String> expected = newestFirst(stored);
    assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, 2));
    assertThat(ids(second)).containsExactlyElementsOf(expected.subList(2, 4));
  }

  @Test
  void listedCallsHaveTheSameRepresentationAsAFetchedCall() {
    String id =
        api.startCall(tenant.apiKey(), "+15550100", "+15550111", "hello")
            .body()
            .path("id")
            .asText();

    JsonNode listed = api.get("/v1/calls", tenant.apiKey()).body().path("data").get(0);

    assertThat(listed).isEqualTo(api.get("/v1/calls/" + id, tenant.apiKey()).body());
  }

  @Test
  void aTenantWithoutCallsGetsAnEmptyLastPage() {
    JsonNode page = api.get("/v1/calls", tenant.apiKey()).body();

    assertThat(page.path("data").isArray()).isTrue();
    assertThat(page.path("data")).isEmpty();
    assertThat(page.has("nextCursor") && page.get("nextCursor").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten", "2.5"})
  void aLimitOutsideOneToAHundredIsAValidationError(String limit) {
    ApiClient.Reply reply = api.get("/v1/calls?limit=" + limit, tenant.apiKey());

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("limit");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"garbage!", "bm90LWEtY3Vyc29y", "MjAyNi0xMS0yNFQxNjo0MDowMVp8bm90LWEtdXVpZA"})
  void aCursorThisApiDidNotIssueIsAValidationError(String cursor) {
    ApiClient.Reply reply = api.get("/v1/calls?cursor=" + cursor, tenant.apiKey());

    ProblemAssert.assertProblem(reply, 422, "validation-error");
    assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
  }

  @Test
  void theCursorIsBase64urlOfCreatedAtAndId() {
    List<Stored> stored = storeCalls(2);
    JsonNode first = api.get("/v1/calls?limit=1", tenant.apiKey()).body();

    String decoded =
        new String(
            Base64.getUrlDecoder().decode(first.path("nextCursor").asText()),
            StandardCharsets.UTF_8);

    String newestId = newestFirst(stored).get(0);
    Stored newest =
        stored.stream().filter(s -> s.id().toString().equals(newestId)).findFirst().orElseThrow();
    assertThat(decoded).isEqualTo(newest.createdAt() + "|" + newest.id());
  }
}
