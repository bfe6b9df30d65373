package io.irisx.activities.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request the Standard Webhooks way: {@code v1,<base64 HMAC-SHA256(key,
 * id.timestamp.body)>}, one signature per secret, separated by spaces (during a rotation's overlap,
 * the new secret's first).
 */
public final class WebhookSigner {
  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  private WebhookSigner() {}

  /** The {@code webhook-signature} header value. */
  public static String signatureHeader(
      List<WebhookSecret> secrets, String messageId, long timestampSeconds, byte[] body) {
    return secrets.stream()
        .map(secret -> "v1," + sign(secret, messageId, timestampSeconds, body))
        .collect(Collectors.joining(" "));
  }

  static String sign(WebhookSecret secret, String messageId, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
