package io.irisx.api.console;

import io.irisx.db.console.SessionRow;

/** One of a user's live console sessions: where and when it began, when it was last used. */
public record SessionView(
    String id,
    String ipAddress,
    String userAgent,
    String createdAt,
    String lastSeenAt,
    String expiresAt) {
  static SessionView of(SessionRow row) {
    return new SessionView(
        row.id().toString(),
        row.ipAddress(),
        row.userAgent(),
        Iso.of(row.createdAt()),
        Iso.of(row.lastSeenAt()),
        Iso.of(row.expiresAt()));
  }
}
