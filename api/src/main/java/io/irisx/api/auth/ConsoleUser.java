package io.irisx.api.auth;

import java.time.Instant;
import java.util.UUID;

/** The console user behind a request, and the session it came with (and when that expires). */
public record ConsoleUser(
    UUID userId,
    UUID sessionId,
    String email,
    String name,
    ConsoleRole role,
    Instant sessionExpiresAt) {
  @Override
  public String toString() {
    return "ConsoleUser[" + userId + ", " + role.wireName() + "]";
  }
}
