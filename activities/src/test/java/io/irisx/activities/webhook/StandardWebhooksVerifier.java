package io.irisx.activities.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of the Standard Webhooks scheme, written from the specification alone (it
 * shares no code with the signer): the same helper docs/webhooks.md shows receivers.
 */
final class StandardWebhooksVerifier {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StandardWebhooksVerifier() {}

  static boolean verify(
      String secret, String id, String timestamp, String signatures, byte[] body, Instant now) {
    if (id == null || timestamp == null || signatures == null) {
      return false;
    }
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - sentAt) > TOLERANCE.toSeconds()) {
      return false;
    }
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signedContent = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
      byte[] content = new byte[signedContent.length + body.length];
      System.arraycopy(signedContent, 0, content, 0, signedContent.length);
      System.arraycopy(body, 0, content, signedContent.length, body.length);
      byte[] expected = mac.doFinal(content);
      for (String versioned : signatures.split(" ")) {
        int comma = versioned.indexOf(',');
        if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
          continue;
        }
        byte[] given = Base64.getDecoder().decode(versioned.substring(comma + 1));
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      }
      return false;
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  static boolean verify(String secret, Receiver.Received request, Instant now) {
    return verify(
        secret,
        request.header("webhook-id"),
        request.header("webhook-timestamp"),
        request.header("webhook-signature"),
        request.body(),
        now);
  }
}
