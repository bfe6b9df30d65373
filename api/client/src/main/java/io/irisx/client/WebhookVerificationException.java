package io.irisx.client;

/** A webhook request that IRISX did not sign, or signed too long ago: refuse it. */
public final class WebhookVerificationException extends IrisxException {
  public WebhookVerificationException(String message) {
    super(message, null);
  }
}
