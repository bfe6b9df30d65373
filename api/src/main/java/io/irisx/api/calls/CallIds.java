package io.irisx.api.calls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A call's id. With an {@code Idempotency-Key} it is derived from (tenant, key), so every API
 * replica that gets the same request computes the same call id, and with it the same workflow id
 * ({@code call-<id>}) and the same {@code calls} primary key: Temporal and PostgreSQL then let
 * exactly one call exist, whatever happens to the stored response.
 */
public final class CallIds {
  private CallIds() {}

  public static UUID random() {
    return UUID.randomUUID();
  }

  /** An RFC 9562 version-8 UUID from the SHA-256 of the tenant and the key. */
  public static UUID forIdempotencyKey(UUID tenantId, String idempotencyKey) {
    byte[] hash;
    try {
      hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("irisx-call\n" + tenantId + "\n" + idempotencyKey)
                      .getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
