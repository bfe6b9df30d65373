package io.irisx.activities.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of the key. The
 * key, not its base64 text, is what the HMAC uses. {@link #toString()} never shows it.
 */
public final class WebhookSecret {
  public static final String PREFIX = "whsec_";
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  public static WebhookSecret generate() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return new WebhookSecret(key);
  }

  /** Reads {@code whsec_<base64>}; also a bare base64 key. */
  public static WebhookSecret parse(String text) {
    String base64 = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
    try {
      byte[] key = Base64.getDecoder().decode(base64);
      if (key.length < 16) {
        throw new IllegalArgumentException("a webhook secret needs at least 16 bytes of key");
      }
      return new WebhookSecret(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a webhook secret (whsec_<base64>)");
    }
  }

  byte[] key() {
    return key.clone();
  }

  /** The text form, {@code whsec_<base64>}: to store, and to show its owner once. */
  public String reveal() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public String toString() {
    return "WebhookSecret[<redacted>]";
  }
}
