package io.irisx.api.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session and invitation tokens: 256 random bits, stored only as their SHA-256. A session's CSRF
 * token is derived from its session token (an HMAC), so it needs no storage and changes with the
 * session; a page reads it from {@code GET /v1/session}, which another site cannot read.
 */
public final class SessionTokens {
  private static final int TOKEN_BYTES = 32;
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  public SessionTokens(SecureRandom random) {
    this.random = random;
  }

  public String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return B64URL.encodeToString(bytes);
  }

  /** Whether a presented string could be a token at all (before any database look-up). */
  public static boolean looksLikeToken(String token) {
    return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]{43}");
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String csrfToken(String sessionToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return B64URL.encodeToString(mac.doFinal("irisx-csrf".getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares in constant time; false when either side is null. */
  public static boolean matches(String expected, String presented) {
    return expected != null
        && presented != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
