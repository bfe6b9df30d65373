package io.irisx.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.irisx.api.ApiClient;
import io.irisx.api.ApiTestStack;
import io.irisx.api.IrisxApiConfiguration;
import io.irisx.api.ProblemAssert;
import io.irisx.api.auth.ProvisionedTenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyKeyTest {
  @RegisterExtension
  @Order(1)
  static final ApiTestStack STACK = new ApiTestStack();

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<IrisxApiConfiguration> APP =
      STACK.app(ConfigOverride.config("idempotency.waitSeconds", "5"));

  /** A second API replica on the same database and Temporal. */
  @RegisterExtension
  @Order(3)
  static final DropwizardAppExtension<IrisxApiConfiguration> OTHER_REPLICA =
      STACK.app(ConfigOverride.config("idempotency.waitSeconds", "5"));

  private static final String CALL =
      "{\"from\":\"+15550100\",\"to\":\"+15550111\",\"flow\":\"hello\"}";

  private ApiClient api;
  private ProvisionedTenant tenant;

  @BeforeEach
  void setUp() {
    api = new ApiClient(APP.getLocalPort());
    tenant = STACK.newTenant();
  }

  private ApiClient.Reply post(String path, String body, String key) {
    return api.request("POST", path, tenant.apiKey(), body, "Idempotency-Key", key);
  }

  @Test
  void theSameKeyAndBodyGetTheOriginalResponseAndOneCall() {
    String key = UUID.randomUUID().toString();

    ApiClient.Reply first = post("/v1/calls", CALL, key);
    ApiClient.Reply second = post("/v1/calls", CALL, key);
    // The same request spelt differently (key order, spacing) is the same request.
    ApiClient.Reply third =
        post(
            "/v1/calls",
            "{ \"flow\": \"hello\", \"to\": \"+15550111\", \"from\": \"+15550100\" }",
            key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    for (ApiClient.Reply replay : List.of(second, third)) {
      assertThat(replay.status()).isEqualTo(201);
      assertThat(replay.raw().body()).isEqualTo(first.raw().body());
      assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
      assertThat(replay.contentType()).startsWith("application/json");
      assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
    }
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String key = UUID.randomUUID().toString();
    post("/v1/calls", CALL, key);

    ApiClient.Reply other = post("/v1/calls", CALL.replace("+15550111", "+15550112"), key);
    ApiClient.Reply otherPath = post("/v1/contacts", "{\"firstName\":\"A\"}", key);

    ProblemAssert.assertProblem(other, 422, "idempotency-key-reused");
    ProblemAssert.assertProblem(otherPath, 422, "idempotency-key-reused");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void fiftyConcurrentIdenticalRequestsOnTwoReplicasMakeExactlyOneCall() throws Exception {
    String key = UUID.randomUUID().toString();
    ApiClient other = new ApiClient(OTHER_REPLICA.getLocalPort());
    int requests = 50;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiClient.Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        ApiClient replica = i % 2 == 0 ? api : other;
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return replica.request(
                      "POST", "/v1/calls", tenant.apiKey(), CALL, "Idempotency-Key", key);
                }));
      }
      start.countDown();
      Set<String> bodies = new HashSet<>();
      for (Future<ApiClient.Reply> reply : replies) {
        ApiClient.Reply r = reply.get();
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        bodies.add(r.raw().body());
      }
      assertThat(bodies).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
    String id =
        api.get("/v1/calls", tenant.apiKey()).body().path("data").get(0).path("id").asText();
    assertThat(
            STACK
                .describeWorkflow("call-" + id)
                .getWorkflowExecutionInfo()
                .getExecution()
                .getWorkflowId())
        .isEqualTo("call-" + id);
  }

  @Test
  void aCallsIdFollowsFromItsKeySoItHoldsEvenWithoutTheStoredResponse() {
    String key = UUID.randomUUID().toString();
    ApiClient.Reply first = post("/v1/calls", CALL, key);
    // As if the stored response had expired, or another replica had not seen it.
    STACK
        .jdbi()
        .useHandle(h -> h.execute("DELETE FROM idempotency_keys WHERE idempotency_key = ?", key));

    ApiClient.Reply again = post("/v1/calls", CALL, key);
    STACK
        .jdbi()
        .useHandle(h -> h.execute("DELETE FROM idempotency_keys WHERE idempotency_key = ?", key));
    ApiClient.Reply otherNumbers = post("/v1/calls", CALL.replace("+15550111", "+15550112"), key);

    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().path("id")).isEqualTo(first.body().path("id"));
    ProblemAssert.assertProblem(otherNumbers, 422, "idempotency-key-reused");
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void keysBelongToATenant() {
    String key = UUID.randomUUID().toString();
    ProvisionedTenant other = STACK.newTenant();

    ApiClient.Reply mine = post("/v1/calls", CALL, key);
    ApiClient.Reply theirs =
        api.request("POST", "/v1/calls", other.apiKey(), CALL, "Idempotency-Key", key);

    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
    assertThat(theirs.body().path("id")).isNotEqualTo(mine.body().path("id"));
    assertThat(STACK.callCount(other.tenantId())).isEqualTo(1);
  }

  @Test
  void aRefusedRequestLeavesTheKeyFreeForTheCorrectedOne() {
    String key = UUID.randomUUID().toString();

    ApiClient.Reply refused = post("/v1/calls", CALL.replace("hello", "no-such-flow"), key);
    ApiClient.Reply corrected = post("/v1/calls", CALL, key);

    ProblemAssert.assertProblem(refused, 422, "unknown-flow");
    assertThat(corrected.status()).isEqualTo(201);
    assertThat(STACK.callCount(tenant.tenantId())).isEqualTo(1);
  }

  @Test
  void everyPostHonoursTheKey() {
    String key = UUID.randomUUID().toString();
    String contact = "{\"firstName\":\"Grace\"}";

    ApiClient.Reply first = post("/v1/contacts", contact, key);
    ApiClient.Reply second = post("/v1/contacts", contact, key);
    ApiClient.Reply keyFirst = post("/v1/api-keys", "{\"name\":\"once\"}", key + "-k");
    ApiClient.Reply keySecond = post("/v1/api-keys", "{\"name\":\"once\"}", key + "-k");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.raw().body()).isEqualTo(first.raw().body());
    assertThat(STACK.count("SELECT count(*) FROM contacts WHERE tenant_id = ?", tenant.tenantId()))
        .isEqualTo(1);
    assertThat(keySecond.body().path("id")).isEqualTo(keyFirst.body().path("id"));
    assertThat(STACK.count("SELECT count(*) FROM api_keys WHERE tenant_id = ?", tenant.tenantId()))
        .isEqualTo(2);
  }

  @Test
  void aNewKeyIsNeverStoredSoItsReplayLeavesItOut() {
    String idempotencyKey = UUID.randomUUID().toString();

    ApiClient.Reply first = post("/v1/api-keys", "{\"name\":\"once\"}", idempotencyKey);
    ApiClient.Reply replay = post("/v1/api-keys", "{\"name\":\"once\"}", idempotencyKey);

    String secret = first.body().path("key").asText();
    assertThat(secret).startsWith("irx_");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
    assertThat(replay.body().path("id")).isEqualTo(first.body().path("id"));
    assertThat(replay.body().has("key")).isFalse();
    assertThat(replay.raw().body()).doesNotContain(secret);
    assertThat(
            STACK.count(
                "SELECT count(*) FROM idempotency_keys WHERE position(CAST(? AS text) in convert_from(response_body, 'UTF8')) > 0",
                secret))
        .isZero();
  }

  @Test
  void aStoredResponseIsKeptForADayAndAMalformedKeyIsRefused() {
    String key = UUID.randomUUID().toString();
    post("/v1/contacts", "{\"firstName\":\"Grace\"}", key);

    assertThat(
            STACK.count(
                "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?"
                    + " AND expires_at >= created_at + interval '24 hours' AND response_status = 201",
                key))
        .isEqualTo(1);
    ApiClient.Reply tooLong = post("/v1/contacts", "{\"firstName\":\"Grace\"}", "k".repeat(256));
    ProblemAssert.assertProblem(tooLong, 422, "validation-error");
    assertThat(tooLong.body().path("errors").get(0).path("field").asText())
        .isEqualTo("Idempotency-Key");
  }

  /** A claim as a replica leaves it while it runs the request (or when it died doing so). */
  private void claimAsAnotherReplica(String key, String path, String body, String lockedAgo) {
    String hash =
        RequestFingerprint.of("POST", path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    STACK
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO idempotency_keys (owner, idempotency_key, tenant_id, request_hash, method, path,"
                        + " locked_at, expires_at) VALUES (?, ?, ?, ?, 'POST', ?, now() - CAST(? AS interval),"
                        + " now() + interval '1 day')",
                    "tenant:" + tenant.tenantId(),
                    key,
                    tenant.tenantId(),
                    hash,
                    path,
                    lockedAgo));
  }

  @Test
  void aDuplicateOfARequestStillRunningIsToldToRetry() {
    String key = UUID.randomUUID().toString();
    String contact = "{\"firstName\":\"Grace\"}";
    claimAsAnotherReplica(key, "/v1/contacts", contact, "1 second");

    ApiClient.Reply reply = post("/v1/contacts", contact, key);

    ProblemAssert.assertProblem(reply, 409, "idempotency-key-in-use");
    assertThat(reply.header("Retry-After")).isPresent();
    assertThat(STACK.count("SELECT count(*) FROM contacts WHERE tenant_id = ?", tenant.tenantId()))
        .isZero();
  }

  @Test
  void aRequestWhoseReplicaDiedIsRunAgain() {
    String key = UUID.randomUUID().toString();
    String contact = "{\"firstName\":\"Grace\"}";
    claimAsAnotherReplica(key, "/v1/contacts", contact, "10 minutes");

    ApiClient.Reply reply = post("/v1/contacts", contact, key);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(post("/v1/contacts", contact, key).raw().body()).isEqualTo(reply.raw().body());
    assertThat(STACK.count("SELECT count(*) FROM contacts WHERE tenant_id = ?", tenant.tenantId()))
        .isEqualTo(1);
  }
}
