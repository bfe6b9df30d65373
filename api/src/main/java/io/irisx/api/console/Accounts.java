package io.irisx.api.console;

import io.irisx.api.auth.ConsoleRole;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.console.UserDao;
import io.irisx.db.console.UserRow;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes console accounts: invited (a one-time link, the admins' way and the operator's default) or
 * active with a password (the operator's first admin, the dev stack's login). An email names one
 * account across all tenants.
 */
public final class Accounts {
  public static final int MAX_EMAIL_LENGTH = 254;
  public static final int MAX_NAME_LENGTH = 200;
  public static final int MIN_PASSWORD_LENGTH = 12;
  public static final int MAX_PASSWORD_LENGTH = 256;
  private static final Pattern EMAIL =
      Pattern.compile("[^\\s@<>\"'(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  /** An invitation just made: the account and the token its link carries (shown once). */
  public record Invitation(UserRow user, String token) {
    public String url(String baseUrl) {
      return baseUrl + "/console/invite#" + token;
    }
  }

  private final UserDao users;
  private final PasswordHasher hasher;
  private final SessionTokens tokens;
  private final ConsoleSettings settings;
  private final Clock clock;

  public Accounts(
      UserDao users,
      PasswordHasher hasher,
      SessionTokens tokens,
      ConsoleSettings settings,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.settings = settings;
    this.clock = clock;
  }

  public Invitation invite(
      UUID tenantId,
      String email,
      @Nullable String name,
      ConsoleRole role,
      @Nullable UUID invitedBy) {
    String token = tokens.newToken();
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    boolean made =
        users.insert(
            id,
            tenantId,
            email,
            name,
            role.wireName(),
            UserRow.INVITED,
            null,
            SessionTokens.hash(token),
            now.plus(settings.invitationLifetime()),
            invitedBy,
            now);
    if (!made) {
      throw emailTaken();
    }
    return new Invitation(users.find(tenantId, id).orElseThrow(), token);
  }

  public UserRow createActive(
      UUID tenantId, String email, @Nullable String name, ConsoleRole role, String password) {
    UUID id = UUID.randomUUID();
    boolean made =
        users.insert(
            id,
            tenantId,
            email,
            name,
            role.wireName(),
            UserRow.ACTIVE,
            hasher.hash(password),
            null,
            null,
            null,
            clock.instant());
    if (!made) {
      throw emailTaken();
    }
    return users.find(tenantId, id).orElseThrow();
  }

  /** A new link for an account still invited; the old link stops working. */
  public Invitation reinvite(UserRow user) {
    String token = tokens.newToken();
    if (!users.reinvite(
        user.tenantId(),
        user.id(),
        SessionTokens.hash(token),
        clock.instant().plus(settings.invitationLifetime()))) {
      throw new ProblemException(
          ProblemType.NOT_INVITED, "This user has already accepted the invitation.");
    }
    return new Invitation(users.find(user.tenantId(), user.id()).orElseThrow(), token);
  }

  /** An email field: required, at most 254 characters, one {@code @} and a dotted domain. */
  public static @Nullable String email(RequestFields fields, String field) {
    String email = fields.text(field, true, MAX_EMAIL_LENGTH);
    if (email == null) {
      return null;
    }
    email = email.strip();
    if (!looksLikeEmail(email)) {
      fields.error(field, "must be an email address such as ann@example.com");
      return null;
    }
    return email;
  }

  public static boolean looksLikeEmail(String email) {
    return email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches();
  }

  /** A new password: 12 to 256 characters, not the account's email. */
  public static @Nullable String newPassword(
      RequestFields fields, String field, @Nullable String email) {
    String password = fields.text(field, true, MAX_PASSWORD_LENGTH);
    if (password == null) {
      return null;
    }
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      fields.error(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters");
      return null;
    }
    if (email != null && password.strip().equalsIgnoreCase(email)) {
      fields.error(field, "must not be the email address");
      return null;
    }
    return password;
  }

  /** A role field: one of admin, agent, viewer; null when absent and not required. */
  public static @Nullable ConsoleRole role(RequestFields fields, String field, boolean required) {
    String name = fields.text(field, required, 20);
    if (name == null) {
      return null;
    }
    return ConsoleRole.fromWireName(name)
        .orElseGet(
            () -> {
              fields.error(field, "must be one of " + ConsoleRole.wireNames());
              return null;
            });
  }

  private static ProblemException emailTaken() {
    return new ProblemException(
        ProblemType.EMAIL_TAKEN,
        "This email already has an IRISX console account; an email can have only one.");
  }
}
