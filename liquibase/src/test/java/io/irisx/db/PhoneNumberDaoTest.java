package io.irisx.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PhoneNumberDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final PhoneNumberDao numbers = db.dao(PhoneNumberDao.class);

  private static String freshNumber() {
    return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
  }

  private PhoneNumberRow add(UUID tenant, String number) {
    return numbers
        .insert(
            UUID.randomUUID(),
            tenant,
            number,
            "Line",
            "hello",
            "{\"a\": 1}",
            PostgresExtension.now())
        .orElseThrow();
  }

  @Test
  void aLiveNumberCannotBeAddedTwiceByAnyTenant() {
    UUID owner = db.newTenant();
    String number = freshNumber();
    add(owner, number);

    assertThat(
            numbers.insert(
                UUID.randomUUID(),
                db.newTenant(),
                number,
                null,
                "hello",
                "{}",
                PostgresExtension.now()))
        .isEmpty();
    assertThat(
            numbers.insert(
                UUID.randomUUID(), owner, number, null, "hello", "{}", PostgresExtension.now()))
        .isEmpty();
  }

  @Test
  void aDeletedNumberStopsRoutingAndMayBeAddedAgain() {
    UUID owner = db.newTenant();
    String number = freshNumber();
    PhoneNumberRow row = add(owner, number);
    assertThat(numbers.findInboundRoute(number)).isPresent();

    assertThat(numbers.softDelete(owner, row.id(), Instant.now())).isTrue();

    assertThat(numbers.findInboundRoute(number)).isEmpty();
    assertThat(numbers.find(owner, row.id())).isEmpty();
    assertThat(numbers.softDelete(owner, row.id(), Instant.now())).isFalse();
    UUID next = db.newTenant();
    add(next, number);
    assertThat(numbers.findInboundRoute(number).orElseThrow().tenantId()).isEqualTo(next);
  }

  @Test
  void everyStatementIsScopedByTenant() {
    UUID owner = db.newTenant();
    UUID other = db.newTenant();
    PhoneNumberRow row = add(owner, freshNumber());

    assertThat(numbers.find(other, row.id())).isEmpty();
    assertThat(numbers.update(other, row.id(), "hello", "{}", "stolen")).isEmpty();
    assertThat(numbers.softDelete(other, row.id(), Instant.now())).isFalse();
    assertThat(numbers.listNewestFirst(other, null, null, 10)).isEmpty();
    assertThat(numbers.find(owner, row.id()).orElseThrow().friendlyName()).isEqualTo("Line");
  }

  @Test
  void anUpdateReplacesFlowParamsAndName() {
    UUID owner = db.newTenant();
    String number = freshNumber();
    PhoneNumberRow row = add(owner, number);

    PhoneNumberRow updated =
        numbers.update(owner, row.id(), "hello", "{\"b\": true}", null).orElseThrow();

    assertThat(updated.flowParamsJson()).isEqualTo("{\"b\": true}");
    assertThat(updated.friendlyName()).isNull();
    assertThat(numbers.findInboundRoute(number).orElseThrow().flowParamsJson())
        .isEqualTo("{\"b\": true}");
  }
}
