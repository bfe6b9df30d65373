package io.irisx.api.paging;

import io.irisx.api.errors.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a page ends: the (createdAt, id) of its last item, as base64url of {@code createdAt|id};
 * every list of the API (calls, keys, numbers, contacts, webhooks, deliveries, users) pages with
 * it. Opaque to clients; a cursor we did not issue is a validation error. Lists are newest first by
 * (createdAt, id), so items added while a client pages neither repeat nor vanish.
 */
public record PageCursor(Instant createdAt, UUID id) {
  private static final int MAX_LENGTH = 200;

  public String encode() {
    String plain = createdAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in a {@code cursor} query parameter; null when there is none (the first page). */
  public static @Nullable PageCursor decodeParam(@Nullable String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      if (cursor.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("too long");
      }
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException("no separator");
      }
      return new PageCursor(
          Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
    } catch (RuntimeException notOurs) {
      throw ProblemException.validation("cursor", "is not a cursor this API returned");
    }
  }
}
