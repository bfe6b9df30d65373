package io.irisx.api.console;

import io.irisx.db.console.UserRow;
import org.jspecify.annotations.Nullable;

/**
 * A console account as the API shows it: never its password hash. {@code invitationUrl} is given
 * once, in the answer that made the invitation (the link holds a one-time token kept only hashed).
 */
public record UserView(
    String id,
    String email,
    @Nullable String name,
    String role,
    String status,
    @Nullable String lastLoginAt,
    @Nullable String invitationExpiresAt,
    String createdAt,
    @Nullable String invitationUrl) {

  public static UserView of(UserRow row) {
    return withInvitation(row, null);
  }

  public static UserView withInvitation(UserRow row, @Nullable String invitationUrl) {
    return new UserView(
        row.id().toString(),
        row.email(),
        row.name(),
        row.role(),
        row.status(),
        Iso.of(row.lastLoginAt()),
        UserRow.INVITED.equals(row.status()) ? Iso.of(row.inviteExpiresAt()) : null,
        Iso.of(row.createdAt()),
        invitationUrl);
  }
}
