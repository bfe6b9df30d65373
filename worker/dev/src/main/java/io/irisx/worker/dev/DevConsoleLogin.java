package io.irisx.worker.dev;

import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.console.Accounts;
import io.irisx.api.console.ConsoleSettings;
import io.irisx.api.console.PasswordHasher;
import io.irisx.api.console.SessionTokens;
import io.irisx.db.console.UserDao;
import io.irisx.db.console.UserRow;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The dev stack's console login: an admin of the dev tenant whose password is kept in the home's
 * {@code keys.json}, so the same login works run after run. The account is made (or its password
 * set again) at every start: the dev database is nobody else's.
 */
record DevConsoleLogin(String email, String password) {
  static final String EMAIL = "admin@dev.irisx.localhost";
  private static final int PASSWORD_BYTES = 15;

  static DevConsoleLogin ensure(Jdbi jdbi, UUID tenantId, Optional<String> previousPassword) {
    String password =
        previousPassword
            .filter(p -> p != null && p.length() >= Accounts.MIN_PASSWORD_LENGTH)
            .orElseGet(DevConsoleLogin::newPassword);
    SecureRandom random = new SecureRandom();
    PasswordHasher hasher = new PasswordHasher(random);
    UserDao users = jdbi.onDemand(UserDao.class);
    Optional<UserRow> existing = users.findForLogin(EMAIL);
    if (existing.isPresent() && existing.get().tenantId().equals(tenantId)) {
      users.setPassword(tenantId, existing.get().id(), hasher.hash(password));
      users.update(tenantId, existing.get().id(), null, ConsoleRole.ADMIN.wireName(), null);
      return new DevConsoleLogin(EMAIL, password);
    }
    existing.ifPresent(old -> users.delete(old.tenantId(), old.id(), Clock.systemUTC().instant()));
    new Accounts(users, hasher, new SessionTokens(random), new ConsoleSettings(), Clock.systemUTC())
        .createActive(tenantId, EMAIL, "Dev admin", ConsoleRole.ADMIN, password);
    return new DevConsoleLogin(EMAIL, password);
  }

  private static String newPassword() {
    byte[] bytes = new byte[PASSWORD_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
