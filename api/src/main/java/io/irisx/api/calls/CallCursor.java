package io.irisx.api.calls;

import io.irisx.api.errors.ProblemException;
import io.irisx.db.CallRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of calls ends: the (createdAt, id) of its last call, as base64url of {@code
 * createdAt|id}. Opaque to clients; a cursor we did not issue is a validation error.
 */
public record CallCursor(Instant createdAt, UUID id) {
  private static final int MAX_LENGTH = 200;

  public static CallCursor after(CallRow row) {
    return new CallCursor(row.createdAt(), row.id());
  }

  public String encode() {
    String plain = createdAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  public static CallCursor decode(String cursor) {
    try {
      if (cursor.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("too long");
      }
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException("no separator");
      }
      return new CallCursor(
          Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
    } catch (RuntimeException notOurs) {
      throw ProblemException.validation("cursor", "is not a cursor this API returned");
    }
  }
}
