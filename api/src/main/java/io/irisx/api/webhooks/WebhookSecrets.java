package io.irisx.api.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New signing secrets, Standard Webhooks style: {@code whsec_} and the base64 of 32 random bytes.
 */
final class WebhookSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecrets() {}

  static String generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }
}
