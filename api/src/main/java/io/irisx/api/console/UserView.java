package io.irisx.api.console;

import io.irisx.db.console.UserRow;

/**
 * A console account as the API shows it: never its password hash. {@code invitationUrl} is given
 * once, in the answer that made the invitation (the link holds a one-time token kept only hashed).
 */
public record UserView(
    String id,
    String email,
    String name,
    String role,
    String status,
    String lastLoginAt,
    String invitationExpiresAt,
    String createdAt,
    String invitationUrl) {

  public static UserView of(UserRow row) {
    return withInvitation(row, null);
  }

  public static UserView withInvitation(UserRow row, String invitationUrl) {
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
