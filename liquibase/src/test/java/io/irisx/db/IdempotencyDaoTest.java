package io.irisx.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private static final String HASH = "a".repeat(64);
  private static final String OTHER_HASH = "b".repeat(64);

  private final IdempotencyDao records = db.dao(IdempotencyDao.class);

  private boolean claim(String owner, String key, String hash, Instant now) {
    return records
        .claim(
            owner,
            key,
            null,
            hash,
            "POST",
            "/v1/things",
            now,
            now.minusSeconds(120),
            now.plus(24, ChronoUnit.HOURS))
        .isPresent();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  @Test
  void aKeyIsClaimedOnceThenHoldsItsResponse() {
    String owner = "tenant:" + UUID.randomUUID();
    Instant now = now();

    assertThat(claim(owner, "k", HASH, now)).isTrue();
    assertThat(claim(owner, "k", HASH, now)).isFalse();
    assertThat(claim("operator", "k", HASH, now)).as("another owner's key").isTrue();
    assertThat(
            records.complete(
                owner, "k", HASH, now, 201, "{\"Location\":\"/x\"}", new byte[] {1, 2}, now))
        .isTrue();

    IdempotencyRecord record = records.find(owner, "k").orElseThrow();
    assertThat(record.completed()).isTrue();
    assertThat(record.responseStatus()).isEqualTo(201);
    assertThat(record.responseBody()).containsExactly(1, 2);
    assertThat(record.responseHeadersJson()).contains("Location");
    assertThat(claim(owner, "k", HASH, now)).isFalse();
  }

  @Test
  void anAbandonedClaimIsTakenOverOnlyByTheSameRequest() {
    String owner = "tenant:" + UUID.randomUUID();
    Instant then = now().minusSeconds(600);
    assertThat(claim(owner, "k", HASH, then)).isTrue();
    Instant now = now();

    assertThat(claim(owner, "k", OTHER_HASH, now)).isFalse();
    assertThat(claim(owner, "k", HASH, now)).isTrue();
    // The old holder can no longer store its answer over the new holder's claim.
    assertThat(records.complete(owner, "k", HASH, then, 201, "{}", new byte[0], now)).isFalse();
    assertThat(records.complete(owner, "k", HASH, now, 201, "{}", new byte[0], now)).isTrue();
  }

  @Test
  void anExpiredRecordGivesWayToAnyRequestAndIsPurged() {
    String owner = "tenant:" + UUID.randomUUID();
    Instant longAgo = now().minus(2, ChronoUnit.DAYS);
    assertThat(claim(owner, "k", HASH, longAgo)).isTrue();
    records.complete(owner, "k", HASH, longAgo, 201, "{}", new byte[0], longAgo);

    assertThat(claim(owner, "k", OTHER_HASH, now())).isTrue();
    assertThat(records.find(owner, "k").orElseThrow().requestHash()).isEqualTo(OTHER_HASH);

    assertThat(claim(owner, "old", HASH, longAgo)).isTrue();
    assertThat(records.purgeExpired(now())).isGreaterThanOrEqualTo(1);
    assertThat(records.find(owner, "old")).isEmpty();
  }

  @Test
  void aReleasedKeyMayBeClaimedAgain() {
    String owner = "tenant:" + UUID.randomUUID();
    Instant now = now();
    claim(owner, "k", HASH, now);

    records.release(owner, "k", HASH, now);

    assertThat(records.find(owner, "k")).isEmpty();
    assertThat(claim(owner, "k", OTHER_HASH, now)).isTrue();
  }
}
