package io.irisx.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a webhook request came from IRISX, the Standard Webhooks way: {@code
 * webhook-signature} holds {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>} (several,
 * space-separated, while a secret is being rotated), and {@code webhook-timestamp} is recent, so a
 * captured request cannot be replayed later. Verify the raw body bytes, before parsing them.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("IRISX_WEBHOOK_SECRET"));
 * verifier.verify(headers::get, body); // throws WebhookVerificationException
 * }</pre>
 */
public final class WebhookVerifier {
  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  /** How far a request's timestamp may be from now, either way. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String SECRET_PREFIX = "whsec_";

  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(List<byte[]> keys, Duration tolerance, Clock clock) {
    this.keys = keys;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * A verifier for the endpoint's secrets ({@code whsec_...}, as the API showed them): any one of
   * them may have signed a request (the previous one keeps signing during a rotation's overlap).
   */
  public static WebhookVerifier of(String... secrets) {
    return new WebhookVerifier(
        List.of(secrets).stream().map(WebhookVerifier::key).toList(),
        DEFAULT_TOLERANCE,
        Clock.systemUTC());
  }

  /** This verifier with another tolerance or clock (tests). */
  public WebhookVerifier withTolerance(Duration value, Clock at) {
    return new WebhookVerifier(keys, Objects.requireNonNull(value), Objects.requireNonNull(at));
  }

  /** Verifies a request whose headers are in a map (names in any case). */
  public void verify(Map<String, String> headers, byte[] body) {
    verify(name -> header(headers, name), body);
  }

  /**
   * Verifies a request; {@code headers} gives a header's value by its lower-case name (null when
   * absent). Throws {@link WebhookVerificationException} saying what failed.
   */
  public void verify(Function<String, String> headers, byte[] body) {
    String id = require(headers, ID_HEADER);
    String timestamp = require(headers, TIMESTAMP_HEADER);
    String signatures = require(headers, SIGNATURE_HEADER);
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException("webhook-timestamp is not a number of seconds");
    }
    Instant sent = Instant.ofEpochSecond(seconds);
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(tolerance)) || sent.isAfter(now.plus(tolerance))) {
      throw new WebhookVerificationException(
          "webhook-timestamp is more than " + tolerance.toSeconds() + " s from now");
    }
    byte[] signed = (id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
    for (byte[] key : keys) {
      byte[] expected = hmac(key, signed, body);
      for (String candidate : signatures.strip().split(" +")) {
        if (candidate.startsWith("v1,") && matches(expected, candidate.substring(3))) {
          return;
        }
      }
    }
    throw new WebhookVerificationException("no webhook-signature matches the body");
  }

  private static boolean matches(byte[] expected, String base64) {
    try {
      return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] key(String secret) {
    String base64 =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a webhook secret (whsec_<base64>)", e);
    }
  }

  private static String require(Function<String, String> headers, String name) {
    return Optional.ofNullable(headers.apply(name))
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> new WebhookVerificationException(name + " is missing"));
  }

  private static @Nullable String header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
