package io.irisx.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The shape of an API key: {@code irx_} then 32 random bytes in unpadded base64url. Stored only as
 * its SHA-256 (lower-case hex) and a short prefix that lets people recognise a key in a list.
 */
public final class ApiKeys {
  static final String SCHEME = "irx_";
  private static final int RANDOM_BYTES = 32;
  private static final int PREFIX_LENGTH = SCHEME.length() + 8;

  /** Longer than any key we issue; a longer credential is refused without touching the database. */
  private static final int MAX_LENGTH = 128;

  private final SecureRandom random;

  public ApiKeys(SecureRandom random) {
    this.random = random;
  }

  public String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String apiKey) {
    return HexFormat.of().formatHex(digest(apiKey));
  }

  /** The SHA-256 of a secret's UTF-8 bytes. */
  public static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public static String prefix(String apiKey) {
    return apiKey.substring(0, Math.min(PREFIX_LENGTH, apiKey.length()));
  }

  /** Whether a credential could be one of our keys at all (cheap; no database). */
  public static boolean looksLikeKey(String credential) {
    return credential != null
        && credential.startsWith(SCHEME)
        && credential.length() > SCHEME.length()
        && credential.length() <= MAX_LENGTH;
  }
}
