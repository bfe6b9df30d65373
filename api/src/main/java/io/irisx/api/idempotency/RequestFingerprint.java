package io.irisx.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an idempotency key: the method, the path and the body. A
 * JSON body counts by its content, not its spelling: object keys are sorted and whitespace dropped,
 * so {@code {"a":1, "b":2}} and {@code {"b":2,"a":1}} are the same request.
 */
final class RequestFingerprint {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private RequestFingerprint() {}

  static String of(String method, String path, byte[] body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update((method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
      sha256.update(canonical(body));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static byte[] canonical(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    try {
      Object value = CANONICAL.readValue(body, Object.class);
      return CANONICAL.writeValueAsBytes(value);
    } catch (IOException notJson) {
      return body;
    }
  }
}
