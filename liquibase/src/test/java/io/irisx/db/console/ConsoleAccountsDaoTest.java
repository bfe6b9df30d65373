package io.irisx.db.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.irisx.db.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsoleAccountsDaoTest {
  @RegisterExtension static final PostgresExtension db = new PostgresExtension();

  private final UserDao users = db.dao(UserDao.class);
  private final SessionDao sessions = db.dao(SessionDao.class);
  private final LoginFailureDao failures = db.dao(LoginFailureDao.class);
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

  private UUID activeUser(UUID tenant, String email, String role) {
    UUID id = UUID.randomUUID();
    assertThat(
            users.insert(
                id, tenant, email, "Ann", role, "active", "$argon2id$x", null, null, null, now))
        .isTrue();
    return id;
  }

  private static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }

  @Test
  void anEmailNamesOneLiveAccountAcrossTenantsWhateverItsCase() {
    String email = "ann-" + UUID.randomUUID() + "@example.com";
    activeUser(db.newTenant(), email, "admin");

    assertThat(
            users.insert(
                UUID.randomUUID(),
                db.newTenant(),
                email.toUpperCase(),
                null,
                "viewer",
                "active",
                "$argon2id$y",
                null,
                null,
                null,
                now))
        .isFalse();
    assertThat(users.findForLogin(email.toUpperCase())).map(UserRow::role).contains("admin");
  }

  @Test
  void aDeletedAccountFreesItsEmail() {
    UUID tenant = db.newTenant();
    String email = "bob-" + UUID.randomUUID() + "@example.com";
    UUID bob = activeUser(tenant, email, "agent");

    assertThat(users.delete(tenant, bob, now)).isTrue();

    assertThat(users.findForLogin(email)).isEmpty();
    assertThat(users.find(tenant, bob)).isEmpty();
    activeUser(tenant, email, "viewer");
  }

  @Test
  void anInvitationIsAcceptedOnceAndLapses() {
    UUID tenant = db.newTenant();
    UUID invited = UUID.randomUUID();
    String token = UUID.randomUUID().toString().replace("-", "").repeat(2);
    users.insert(
        invited,
        tenant,
        "inv-" + invited + "@example.com",
        null,
        "viewer",
        "invited",
        null,
        token,
        now.plus(Duration.ofDays(1)),
        null,
        now);

    assertThat(users.findByInvitation(token, now.plus(Duration.ofDays(2)))).isEmpty();
    UserRow found = users.findByInvitation(token, now).orElseThrow();
    assertThat(users.acceptInvitation(found.id(), "$argon2id$z", "Ivy", now)).isTrue();

    assertThat(users.findByInvitation(token, now)).isEmpty();
    assertThat(users.acceptInvitation(found.id(), "$argon2id$w", null, now)).isFalse();
    UserRow active = users.find(tenant, invited).orElseThrow();
    assertThat(active.status()).isEqualTo("active");
    assertThat(active.name()).isEqualTo("Ivy");
    assertThat(active.passwordHash()).isEqualTo("$argon2id$z");
  }

  @Test
  void onlyTheOldRolesAreRefused() {
    UUID tenant = db.newTenant();
    activeUser(tenant, "r-" + UUID.randomUUID() + "@example.com", "viewer");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> activeUser(tenant, "o-" + UUID.randomUUID() + "@example.com", "owner"))
        .hasMessageContaining("users_role_check");
  }

  @Test
  void aSessionIsLiveUntilRevokedExpiredIdleOrItsUserDisabled() {
    UUID tenant = db.newTenant();
    UUID user = activeUser(tenant, "s-" + UUID.randomUUID() + "@example.com", "agent");
    UUID session = UUID.randomUUID();
    sessions.insert(
        session, tenant, user, hash('a'), "127.0.0.1", "test", now.plus(Duration.ofHours(1)), now);

    Instant idleCutoff = now.minus(Duration.ofMinutes(30));
    LiveSession live = sessions.findLive(hash('a'), now, idleCutoff).orElseThrow();
    assertThat(live.userId()).isEqualTo(user);
    assertThat(live.role()).isEqualTo("agent");
    assertThat(sessions.findLive(hash('a'), now.plus(Duration.ofHours(2)), idleCutoff)).isEmpty();
    assertThat(sessions.findLive(hash('a'), now, now.plusSeconds(1))).isEmpty();
    assertThat(sessions.listLive(tenant, user, now))
        .extracting(SessionRow::ipAddress)
        .containsExactly("127.0.0.1");

    users.update(tenant, user, null, null, "disabled");
    assertThat(sessions.findLive(hash('a'), now, idleCutoff)).isEmpty();
    users.update(tenant, user, null, null, "active");
    assertThat(sessions.findLive(hash('a'), now, idleCutoff)).isPresent();

    assertThat(sessions.revoke(db.newTenant(), session, now)).isFalse();
    assertThat(sessions.revokeAllOf(tenant, user, now)).isEqualTo(1);
    assertThat(sessions.findLive(hash('a'), now, idleCutoff)).isEmpty();
  }

  @Test
  void touchingASessionWritesAtMostOncePerResolution() {
    UUID tenant = db.newTenant();
    UUID user = activeUser(tenant, "t-" + UUID.randomUUID() + "@example.com", "viewer");
    UUID session = UUID.randomUUID();
    sessions.insert(
        session, tenant, user, hash('b'), null, null, now.plus(Duration.ofHours(1)), now);

    sessions.touch(session, now.plusSeconds(30), "60 seconds");
    assertThat(sessions.findLive(hash('b'), now, now.minusSeconds(1)).orElseThrow().lastSeenAt())
        .isEqualTo(now);
    sessions.touch(session, now.plusSeconds(90), "60 seconds");
    assertThat(sessions.findLive(hash('b'), now, now.minusSeconds(1)).orElseThrow().lastSeenAt())
        .isEqualTo(now.plusSeconds(90));
  }

  @Test
  void failuresAreCountedWithinTheWindowAndClearedBySuccess() {
    String subject = "email:" + UUID.randomUUID() + "@example.com";
    failures.record(subject, now.minus(Duration.ofHours(1)));
    failures.record(subject, now.minusSeconds(60));
    failures.record(subject, now.minusSeconds(30));

    LoginFailures recent = failures.since(subject, now.minus(Duration.ofMinutes(15)));
    assertThat(recent.count()).isEqualTo(2);
    assertThat(recent.oldest()).isEqualTo(now.minusSeconds(60));

    failures.clear(subject);
    assertThat(failures.since(subject, now.minus(Duration.ofDays(1))).count()).isZero();
  }

  @Test
  void aPasswordIsSetOnlyInItsTenantAndTheListPagesNewestFirst() {
    UUID tenant = db.newTenant();
    UUID first = activeUser(tenant, "p1-" + UUID.randomUUID() + "@example.com", "viewer");
    UUID second = UUID.randomUUID();
    users.insert(
        second,
        tenant,
        "p2-" + second + "@example.com",
        null,
        "agent",
        "active",
        "$argon2id$b",
        null,
        null,
        null,
        now.plusSeconds(1));

    assertThat(users.setPassword(db.newTenant(), first, "$argon2id$other")).isFalse();
    assertThat(users.setPassword(tenant, first, "$argon2id$new")).isTrue();
    assertThat(users.find(tenant, first).orElseThrow().passwordHash()).isEqualTo("$argon2id$new");

    assertThat(users.listNewestFirst(tenant, null, null, 1))
        .extracting(UserRow::id)
        .containsExactly(second);
    assertThat(users.listNewestFirst(tenant, now.plusSeconds(1), second, 10))
        .extracting(UserRow::id)
        .containsExactly(first);
  }
}
