package io.irisx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks signature check, on the specification's own example. */
class WebhookVerifierTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final Clock AT_SENDING =
      Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC);

  private static Map<String, String> headers(String signature, String timestamp) {
    return Map.of(
        "Webhook-Id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "Webhook-Timestamp", timestamp,
        "Webhook-Signature", signature);
  }

  private final WebhookVerifier verifier =
      WebhookVerifier.of(SECRET).withTolerance(Duration.ofMinutes(5), AT_SENDING);

  @Test
  void theSpecificationsExampleVerifies() {
    assertThatCode(
            () ->
                verifier.verify(
                    headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "1614265330"), BODY))
        .doesNotThrowAnyException();
  }

  @Test
  void anyOfSeveralSignaturesMayMatch() {
    assertThatCode(
            () ->
                verifier.verify(
                    headers(
                        "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                        "1614265330"),
                    BODY))
        .doesNotThrowAnyException();
  }

  @Test
  void anAlteredBodyIsRefused() {
    byte[] altered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                verifier.verify(
                    headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "1614265330"),
                    altered))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("no webhook-signature matches");
  }

  @Test
  void anOldRequestIsRefusedEvenWhenSignedRight() {
    WebhookVerifier later =
        WebhookVerifier.of(SECRET)
            .withTolerance(Duration.ofMinutes(5), Clock.offset(AT_SENDING, Duration.ofMinutes(6)));
    assertThatThrownBy(
            () ->
                later.verify(
                    headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "1614265330"), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessageContaining("from now");
  }

  @Test
  void aMissingHeaderIsNamed() {
    assertThatThrownBy(() -> verifier.verify(Map.of("webhook-id", "x"), BODY))
        .isInstanceOf(WebhookVerificationException.class)
        .hasMessage("webhook-timestamp is missing");
    assertThat(WebhookVerifier.DEFAULT_TOLERANCE).isEqualTo(Duration.ofMinutes(5));
  }
}
