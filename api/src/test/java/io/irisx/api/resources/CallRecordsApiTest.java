package io.irisx.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import io.irisx.db.CallCompletion;
import io.irisx.db.CallDao;
import io.irisx.db.CallLogDao;
import io.irisx.db.CallLogRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A call's timeline, filtered lists that page steadily while calls arrive, and the CSV export. */
class CallRecordsApiTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP = STACK.app();

  private final ApiClient api = new ApiClient(APP.getLocalPort());
  private final Instant t0 = Instant.parse("2026-11-01T10:00:00Z");

  @Test
  void theTimelineComesInOrderAndOnlyToTheCallsTenant() {
    ProvisionedTenant owner = STACK.newTenant();
    UUID call = insertCall(owner, "outbound", "+15550100", "+15550111", "hello", t0);
    CallLogDao logs = STACK.jdbi().onDemand(CallLogDao.class);
    logs.insertIfAbsent(
        new CallLogRow(
            call, owner.tenantId(), 2, "call.answered", "in-progress", null, t0.plusSeconds(3)));
    logs.insertIfAbsent(
        new CallLogRow(call, owner.tenantId(), 0, "call.queued", "queued", null, t0));
    logs.insertIfAbsent(
        new CallLogRow(
            call, owner.tenantId(), 1, "call.ringing", "ringing", "node-1", t0.plusSeconds(1)));

    JsonNode events = api.get("/v1/calls/" + call + "/events", owner.apiKey()).body().path("data");

    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactly("call.queued", "call.ringing", "call.answered");
    assertThat(events.get(1).path("occurredAt").asText()).isEqualTo("2026-11-01T10:00:01.000Z");
    assertThat(events.get(1).path("detail").asText()).isEqualTo("node-1");
    assertThat(events.get(2).path("status").asText()).isEqualTo("in-progress");
    ProblemAssert.assertProblem(
        api.get("/v1/calls/" + call + "/events", STACK.newTenant().apiKey()), 404, "not-found");
    ProblemAssert.assertProblem(
        api.get("/v1/calls/" + UUID.randomUUID() + "/events", owner.apiKey()), 404, "not-found");
  }

  @Test
  void filtersCombineAndTheCursorNeitherRepeatsNorSkipsWhileCallsArrive() {
    ProvisionedTenant tenant = STACK.newTenant();
    List<UUID> outboundHello = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      outboundHello.add(
          insertCall(tenant, "outbound", "+15550100", "+15550111", "hello", t0.plusSeconds(i)));
      insertCall(tenant, "inbound", "+15557770001", "+15550199", "hello", t0.plusSeconds(i));
      insertCall(tenant, "outbound", "+15550100", "+15550122", "reminder", t0.plusSeconds(i));
    }
    String query =
        "/v1/calls?limit=3&direction=outbound&flow=hello&to=%2B15550111&from=%2B15550100"
            + "&createdFrom=2026-11-01T10:00:00Z&createdTo=2026-11-01T10:01:00Z";

    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get(query + (cursor == null ? "" : "&cursor=" + cursor), tenant.apiKey()).body();
      page.path("data")
          .forEach(
              c -> {
                assertThat(seen.add(c.path("id").asText())).as("no repeats").isTrue();
                order.add(c.path("id").asText());
                assertThat(c.path("direction").asText()).isEqualTo("outbound");
                assertThat(c.path("flow").asText()).isEqualTo("hello");
              });
      // Calls keep arriving, newer than any page already read.
      insertCall(
          tenant, "outbound", "+15550100", "+15550111", "hello", t0.plusSeconds(30 + seen.size()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
    } while (cursor != null);

    assertThat(order)
        .containsExactlyElementsOf(outboundHello.reversed().stream().map(UUID::toString).toList());
    JsonNode completed =
        api.get(
                "/v1/calls?status=completed&flow=reminder&createdTo=2026-11-01T10:00:02Z",
                tenant.apiKey())
            .body();
    assertThat(completed.path("data"))
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.path("status").asText()).isEqualTo("completed");
              assertThat(c.path("hangupCause").asText()).isEqualTo("NORMAL_CLEARING");
            });
    ProblemAssert.assertProblem(
        api.get("/v1/calls?status=ringing-ish&from=5550100&createdFrom=yesterday", tenant.apiKey()),
        422,
        "validation-error");
  }

  @Test
  void theExportStreamsEveryCdrOfTheRangeAsCsvOldestFirst() {
    ProvisionedTenant tenant = STACK.newTenant();
    UUID first =
        insertCall(tenant, "outbound", "+15550100", "+15550111", "hello", t0.minusSeconds(10));
    List<UUID> inRange = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      inRange.add(
          insertCall(tenant, "outbound", "+15550100", "+15550111", "hello", t0.plusMillis(i)));
    }
    insertCall(STACK.newTenant(), "outbound", "+15550100", "+15550111", "hello", t0.plusMillis(5));

    ApiClient.Reply reply =
        api.get(
            "/v1/calls/export?from=2026-11-01T10:00:00Z&to=2026-11-01T11:00:00Z", tenant.apiKey());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/csv");
    assertThat(reply.header("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    String[] lines = reply.raw().body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "id,direction,from,to,flow,status,nodeId,createdAt,ringingAt,answeredAt,endedAt,"
                + "durationSeconds,billSeconds,hangupCause,hangupCauseCode,sipCode,hungUpBy,metadata");
    assertThat(lines).hasSize(1 + 1200);
    assertThat(List.of(lines).subList(1, lines.length))
        .extracting(l -> l.substring(0, 36))
        .containsExactlyElementsOf(inRange.stream().map(UUID::toString).toList());
    assertThat(reply.raw().body()).doesNotContain(first.toString());
    assertThat(lines[1])
        .isEqualTo(
            inRange.get(0)
                + ",outbound,+15550100,+15550111,hello,completed,node-1,"
                + "2026-11-01T10:00:00.000Z,2026-11-01T10:00:01.000Z,2026-11-01T10:00:02.000Z,2026-11-01T10:00:12.000Z,"
                + "12,10,NORMAL_CLEARING,16,200,callee,\"{\"\"reminder\"\":\"\"yes, ok\"\"}\"");
    // A range that ends before it starts holds no call: the header alone, as an empty list page.
    ApiClient.Reply empty =
        api.get(
            "/v1/calls/export?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", tenant.apiKey());
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.raw().body().split("\r\n")).containsExactly(lines[0]);
  }

  /** A call as the workflow leaves it: outbound ones completed with a CDR, inbound ones ringing. */
  private static UUID insertCall(
      ProvisionedTenant tenant,
      String direction,
      String from,
      String to,
      String flow,
      Instant createdAt) {
    UUID id = UUID.randomUUID();
    CallDao calls = STACK.calls();
    if (direction.equals("inbound")) {
      STACK
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "INSERT INTO calls (id, tenant_id, direction, from_number, to_number, flow, status, node_id, created_at)"
                              + " VALUES (:id, :tenant, 'inbound', :from, :to, :flow, 'ringing', 'node-1', :at)")
                      .bind("id", id)
                      .bind("tenant", tenant.tenantId())
                      .bind("from", from)
                      .bind("to", to)
                      .bind("flow", flow)
                      .bind("at", createdAt)
                      .execute());
    } else {
      Instant t = createdAt.truncatedTo(ChronoUnit.SECONDS);
      calls.insertQueued(id, tenant.tenantId(), from, to, flow, createdAt);
      calls.writeCdr(
          new CallCompletion(
              id,
              "completed",
              "node-1",
              UUID.randomUUID().toString(),
              t.plusSeconds(1),
              t.plusSeconds(2),
              t.plusSeconds(12),
              12,
              10,
              "NORMAL_CLEARING",
              16,
              "{\"reminder\":\"yes, ok\"}",
              200,
              "callee"));
    }
    return id;
  }
}
